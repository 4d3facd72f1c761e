import type { CoverageReport, LeafCoverage } from '@sunshine-rubric/core/fixtures';
import { percentInWords } from '@sunshine-rubric/core/words';
import { text } from '../words/wording.js';
import type { CheckCase, Finding } from './findings.js';
import type { JsonLocator, JsonPath } from './json-locator.js';

/**
 * The JSON path of each standard in a rule-set document, by id:
 * `S12 → ['aspects', 1, 'requirements', 0, 'standards', 3]`, so a finding about a standard points to its
 * line. Read from the document as written (not the normalised rule set), since that is the file the
 * lines are counted in.
 */
export function standardPaths(json: unknown): Map<string, JsonPath> {
  const paths = new Map<string, JsonPath>();
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const field = (value: unknown, key: string): unknown =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  for (const [a, aspect] of list(field(json, 'aspects')).entries()) {
    for (const [r, requirement] of list(field(aspect, 'requirements')).entries()) {
      for (const [s, standard] of list(field(requirement, 'standards')).entries()) {
        const id = field(standard, 'id');
        if (typeof id === 'string') paths.set(id, ['aspects', a, 'requirements', r, 'standards', s]);
      }
    }
  }
  return paths;
}

/** A coverage leaf's place (`any[1].all[0]`, `not`, `(root)`) as a JSON path inside its standard. */
export function leafPath(standard: JsonPath, leaf: Pick<LeafCoverage, 'in' | 'path'>): JsonPath {
  const path: (string | number)[] = [...standard, leaf.in];
  if (leaf.path === '(root)') return path;
  for (const step of leaf.path.split('.')) {
    const indexed = /^(all|any)\[(\d+)\]$/.exec(step);
    if (indexed) path.push(indexed[1]!, Number(indexed[2]));
    else path.push(step);
  }
  return path;
}

/**
 * The coverage threshold as one check: below it, an error at the top of the rule set, and a notice at
 * each condition leaf the fixtures never made true (or never false), where the author adds a fixture.
 */
export function coverageCase(
  report: CoverageReport,
  file: string,
  locator: JsonLocator,
  paths: ReadonlyMap<string, JsonPath>,
): CheckCase {
  const name = `coverage ≥ ${percentInWords(report.threshold ?? 0)}`;
  if (report.passes) return { source: 'coverage', name, file, findings: [] };
  const findings: Finding[] = [
    {
      source: 'coverage',
      code: 'COVERAGE_BELOW_THRESHOLD',
      severity: 'error',
      message: text(
        `夹具覆盖率 ${percentInWords(report.ratio)}，低于要求的 ${percentInWords(report.threshold ?? 0)}`,
        `fixtures cover ${percentInWords(report.ratio)} of leaf outcomes, below the required ${percentInWords(report.threshold ?? 0)}`,
      ),
      file,
      path: [],
      ...locator.positionOf([]),
    },
  ];
  for (const leaf of report.leaves) {
    if (leaf.sawTrue && leaf.sawFalse) continue;
    const never = !leaf.sawTrue && !leaf.sawFalse ? 'decided' : leaf.sawTrue ? 'false' : 'true';
    const neverZh = never === 'decided' ? '从未得出结果' : never === 'true' ? '从未为真' : '从未为假';
    const standard = paths.get(leaf.standardId);
    const path = standard ? leafPath(standard, leaf) : [];
    findings.push({
      source: 'coverage',
      code: 'LEAF_NOT_COVERED',
      severity: 'info',
      message: text(
        `${leaf.standardId} ${leaf.in} ${leaf.path}：${leaf.fact} ${leaf.operator} ${neverZh}`,
        `${leaf.standardId} ${leaf.in} ${leaf.path}: ${leaf.fact} ${leaf.operator} never ${never}`,
      ),
      file,
      path,
      ...locator.positionOf(path),
    });
  }
  return { source: 'coverage', name, file, findings };
}
