import type { LintResult } from '@sunshine-rubric/core/lint';
import { formatPath, say } from '@sunshine-rubric/core/words';
import type { Palette } from '../io/colour.js';
import type { Language } from '../words/language.js';

const severityWords = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'note' },
} as const;

/** How many findings of each severity. */
export function lintCounts(result: LintResult): { errors: number; warnings: number; infos: number } {
  const count = (severity: string) =>
    result.findings.filter((finding) => finding.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

/** The linter's findings as indented lines, one per finding, then one line per undecided question. */
export function lintLines(result: LintResult, file: string, palette: Palette, language: Language): string[] {
  const lines = result.findings.map((finding) => {
    const word = say(severityWords[finding.severity], language);
    const tag =
      finding.severity === 'error'
        ? palette.bad(word)
        : finding.severity === 'warning'
          ? palette.warn(word)
          : word;
    return `  ${tag} ${finding.code} ${file} ${formatPath(finding.path)}: ${say(finding.message, language)}`;
  });
  for (const undecided of result.undecided) {
    const prefix = say({ zh: '未判定', en: 'undecided' }, language);
    lines.push(
      `  ${prefix} ${undecided.check} ${file} ${formatPath(undecided.path)}: ${say(undecided.reason, language)}`,
    );
  }
  return lines;
}

/** The findings in a JSON report: the finding shape as `lintRuleSet` returns it, plus the counts. */
export function lintJson(result: LintResult) {
  return { ...lintCounts(result), findings: result.findings, undecided: result.undecided };
}
