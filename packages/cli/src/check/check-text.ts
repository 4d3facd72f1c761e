import type { RuleSetDiff } from '@sunshine-rubric/core';
import { formatPath, percentInWords, ruleSetLabel, say } from '@sunshine-rubric/core/words';
import type { Palette } from '../io/colour.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';
import { countBySeverity, fails, type Severity } from './findings.js';
import { findingLine } from './junit-xml.js';
import type { CheckReport } from './run-check.js';

/**
 * The report for people: what ran and how it went, the diff and flips against `--base`, then every
 * finding on a line of its own that starts `file:line:column`, which editors and terminals turn into a
 * link; last, the verdict. `diffText` renders the diff as `sunshine-rubric diff` prints it (the command
 * passes its own, so the two never drift apart).
 */
export function checkText(
  report: CheckReport,
  failOn: Severity,
  language: Language,
  palette: Palette,
  diffText: (diff: RuleSetDiff, language: Language) => string,
): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const label = report.ruleSet ? ` (${ruleSetLabel(report.ruleSet)})` : '';
  const lines = [palette.strong(`sunshine-rubric check ${report.file}${label}`)];
  const stepFindings = (source: string) => report.findings.filter((finding) => finding.source === source);
  const mark = (bad: boolean) => (bad ? palette.bad('✗') : palette.good('✓'));
  const schema = stepFindings('schema').length;
  lines.push(
    `  ${mark(schema > 0)} ${say2('规则集结构', 'schema')}: ${schema === 0 ? say2('有效', 'valid') : say2(`${schema} 个问题`, `${schema} problem(s)`)}`,
  );
  if (report.ruleSet) {
    const lint = stepFindings('lint');
    lines.push(
      `  ${mark(lint.some((finding) => fails(finding, failOn)))} ${say2('规则检查', 'lint')}: ${say2(`${lint.length} 条发现`, `${lint.length} finding(s)`)}`,
    );
  }
  if (report.fixtures) {
    const fixtureCases = report.cases.filter((entry) => entry.source === 'fixture');
    const failed = fixtureCases.filter((entry) => entry.findings.some((finding) => fails(finding, failOn)));
    const { total, withExpectation } = report.fixtures;
    lines.push(
      `  ${mark(failed.length > 0)} ${say2('夹具', 'fixtures')}: ${say2(
        `${total} 个（${withExpectation} 个有预期），${failed.length} 个未通过`,
        `${total} (${withExpectation} with an expectation), ${failed.length} failed`,
      )}`,
    );
  }
  if (report.coverage) {
    lines.push(
      `  ${mark(!report.coverage.passes)} ${say2('覆盖率', 'coverage')}: ${percentInWords(report.coverage.ratio)}${say2(
        `（要求 ≥ ${percentInWords(report.coverage.threshold ?? 0)}；标准 ${percentInWords(report.coverage.standardRatio)}）`,
        ` (required ≥ ${percentInWords(report.coverage.threshold ?? 0)}; standards ${percentInWords(report.coverage.standardRatio)})`,
      )}`,
    );
  }
  if (report.diff && report.flips) {
    const flipped = report.flips.flipped.length;
    lines.push(
      `  ${flipped > 0 ? palette.warn('!') : palette.good('✓')} ${say2('对比', 'against')} ${ruleSetLabel(report.diff.from)}: ${say2(
        `${flipped} 个夹具的结论改变`,
        `${flipped} fixture(s) change verdict`,
      )}`,
    );
    lines.push('', ...diffText(report.diff, language).trimEnd().split('\n'));
  }
  if (report.findings.length > 0) {
    lines.push('', say2('发现：', 'Findings:'));
    for (const finding of report.findings) {
      const line = `  ${findingLine(finding, language)}`;
      const path =
        finding.path && finding.path.length > 0 ? palette.dim(` (${formatPath(finding.path)})`) : '';
      const painted =
        finding.severity === 'error'
          ? palette.bad(line)
          : finding.severity === 'warning'
            ? palette.warn(line)
            : line;
      lines.push(`${painted}${path}`);
    }
  }
  const counts = countBySeverity(report.findings);
  const failed = report.findings.some((finding) => fails(finding, failOn));
  const tally = say2(
    `${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 条提示`,
    `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} notice(s)`,
  );
  lines.push(
    '',
    failed
      ? palette.bad(say2(`✗ 检查未通过：${tally}`, `✗ check failed: ${tally}`))
      : palette.good(say2(`✓ 检查通过：${tally}`, `✓ check passed: ${tally}`)),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The report as JSON: the verdict, the counts, every finding with both languages and its path, and with
 * `--base` the diff and the flip report as the library gives them.
 */
export function checkJson(report: CheckReport, failOn: Severity): string {
  const json = {
    ok: !report.findings.some((finding) => fails(finding, failOn)),
    file: report.file,
    ...(report.ruleSet ? { ruleSet: report.ruleSet } : {}),
    failOn,
    counts: countBySeverity(report.findings),
    ...(report.fixtures ? { fixtures: report.fixtures } : {}),
    ...(report.coverage ? { coverage: report.coverage } : {}),
    findings: report.findings.map((finding) => ({
      ...finding,
      ...(finding.path === undefined ? {} : { path: formatPath(finding.path) }),
    })),
    checks: report.cases.map((entry) => ({
      source: entry.source,
      name: entry.name,
      passed: !entry.findings.some((finding) => fails(finding, failOn)),
    })),
    ...(report.diff ? { diff: report.diff } : {}),
    ...(report.flips ? { flips: report.flips } : {}),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
