import { say } from '@sunshine-rubric/core/words';
import type { Language } from '../words/language.js';
import { type CheckCase, type Finding, fails, findingSources, type Severity } from './findings.js';
import type { CheckReport } from './run-check.js';

/**
 * The report as JUnit XML, which every CI system reads: one `<testsuite>` per step that ran (schema, lint,
 * fixture, coverage, flip), one `<testcase>` per check (a fixture, the schema, the threshold …). A check
 * with a finding that fails at `failOn` has a `<failure>`; lesser findings go to its `<system-out>`.
 * Everything from the data is escaped, and characters XML 1.0 cannot carry at all (most C0 controls, lone
 * surrogates) are written as `\u001b`-style text, so the file is well-formed whatever the fixtures hold.
 *
 * @example
 * ```ts
 * await writeOutputFile(context, 'check.xml', junitXml(report, 'error', 'en'));
 * ```
 */
export function junitXml(report: CheckReport, failOn: Severity, language: Language): string {
  const suites = findingSources
    .map((source) => ({ source, cases: report.cases.filter((entry) => entry.source === source) }))
    .filter((suite) => suite.cases.length > 0);
  const failed = (entry: CheckCase) => entry.findings.some((finding) => fails(finding, failOn));
  const total = report.cases.length;
  const failures = report.cases.filter(failed).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attribute(`sunshine-rubric check ${report.file}`)}" tests="${total}" failures="${failures}" errors="0">`,
  ];
  for (const suite of suites) {
    const suiteFailures = suite.cases.filter(failed).length;
    lines.push(
      `  <testsuite name="${suite.source}" tests="${suite.cases.length}" failures="${suiteFailures}" errors="0" skipped="0">`,
    );
    for (const entry of suite.cases) {
      const file = entry.file === undefined ? '' : ` file="${attribute(entry.file)}"`;
      const open = `    <testcase classname="${suite.source}" name="${attribute(entry.name)}"${file}`;
      if (entry.findings.length === 0) {
        lines.push(`${open}/>`);
        continue;
      }
      lines.push(`${open}>`);
      const failing = entry.findings.filter((finding) => fails(finding, failOn));
      const others = entry.findings.filter((finding) => !fails(finding, failOn));
      const first = failing[0];
      if (first) {
        lines.push(
          `      <failure message="${attribute(say(first.message, language))}" type="${attribute(first.code)}">${content(failing.map((finding) => findingLine(finding, language)).join('\n'))}</failure>`,
        );
      }
      if (others.length > 0) {
        lines.push(
          `      <system-out>${content(others.map((finding) => findingLine(finding, language)).join('\n'))}</system-out>`,
        );
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

/** `rules.json:12:5 error EXPECTATION_NOT_MET: expected eligible, got ineligible`. */
export function findingLine(finding: Finding, language: Language): string {
  const where =
    finding.file === undefined
      ? ''
      : `${finding.file}${finding.line === undefined ? '' : `:${finding.line}:${finding.column ?? 1}`} `;
  return `${where}${finding.severity} ${finding.code}: ${say(finding.message, language)}`;
}

// Characters XML 1.0 does not allow even as references: C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
// surrogates not in a pair.
const notXml =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what cannot appear in XML
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function representable(value: string): string {
  return value.replace(notXml, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text content: markup characters escaped (`>` too, so `]]>` cannot appear); CR kept as a reference. */
function content(value: string): string {
  return representable(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes: also quotes, and whitespace that parsers would normalise away. */
function attribute(value: string): string {
  return content(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}
