import { isAbsolute, relative, resolve } from 'node:path';
import { say } from '@sunshine-rubric/core/words';
import type { Language } from '../words/language.js';
import { countBySeverity, type Finding, type Severity } from './findings.js';
import type { CheckReport } from './run-check.js';

const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * The report as GitHub Actions workflow commands, one line per finding:
 * `::error file=rules/city.json,line=42,col=9,title=fixture EXPECTATION_NOT_MET::expected eligible, got …`.
 * GitHub shows each as an annotation on that line of the pull request. Severities map to `error`,
 * `warning` and `notice`. Escaped as GitHub's runner and `@actions/core` do: in the message `%`, CR and LF
 * (`%25`, `%0D`, `%0A`); in properties also `:` and `,` (`%3A`, `%2C`), so a fixture cannot end a
 * command early or start another. A last plain line counts the findings for the log.
 *
 * GitHub places an annotation by the file's path from the repository root: with `where.workspace` (the
 * job's `GITHUB_WORKSPACE`) a file is named from there, wherever the command ran (a job's
 * `working-directory`, an absolute path); without it, as the user named it, `./` dropped.
 *
 * @example
 * ```ts
 * context.io.stdout.write(githubAnnotations(report, 'en', { cwd: context.io.cwd, workspace: env.GITHUB_WORKSPACE }));
 * ```
 */
export function githubAnnotations(
  report: CheckReport,
  language: Language,
  where: { readonly cwd?: string; readonly workspace?: string | undefined } = {},
): string {
  const lines = report.findings.map((finding) =>
    annotation(
      finding.file === undefined ? finding : { ...finding, file: repositoryPath(finding.file, where) },
      language,
    ),
  );
  const counts = countBySeverity(report.findings);
  lines.push(
    `sunshine-rubric check ${report.file}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} notice(s)`,
  );
  return `${lines.join('\n')}\n`;
}

/** A file as GitHub names it: from the workspace root when known, else as given, with `/` and no `./`. */
export function repositoryPath(
  file: string,
  where: { readonly cwd?: string; readonly workspace?: string | undefined },
): string {
  let path = file;
  if (where.workspace) {
    const inWorkspace = relative(where.workspace, resolve(where.cwd ?? where.workspace, file));
    if (inWorkspace !== '' && !inWorkspace.startsWith('..') && !isAbsolute(inWorkspace)) path = inWorkspace;
  }
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** One finding as a workflow command. */
export function annotation(finding: Finding, language: Language): string {
  const properties: string[] = [];
  if (finding.file !== undefined) {
    properties.push(`file=${escapeProperty(finding.file.replace(/\\/g, '/'))}`);
    if (finding.line !== undefined) properties.push(`line=${finding.line}`);
    if (finding.column !== undefined) properties.push(`col=${finding.column}`);
  }
  properties.push(`title=${escapeProperty(`${finding.source} ${finding.code}`)}`);
  return `::${command[finding.severity]} ${properties.join(',')}::${escapeData(say(finding.message, language))}`;
}

/**
 * A workflow command's message, escaped: `%` → `%25`, CR → `%0D`, LF → `%0A`.
 *
 * @example
 * ```ts
 * escapeData('50%\nnext'); // '50%25%0Anext'
 * ```
 */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * A workflow command's property value, escaped: as {@link escapeData}, and `:` → `%3A`, `,` → `%2C`.
 *
 * @example
 * ```ts
 * escapeProperty('a: b, c'); // 'a%3A b%2C c'
 * ```
 */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
