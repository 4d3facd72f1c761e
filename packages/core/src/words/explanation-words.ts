import type { ExplanationNode, StandardExplanation } from '../result/types.js';
import { isFactReference } from '../rule-set/conditions.js';
import type { FactDefinition, RuleSet, Standard } from '../rule-set/types.js';
import { deepFreeze } from '../util/deep-freeze.js';
import type { Wording } from './outcome-names.js';
import { factValueInWords } from './value-words.js';

/**
 * One line of an explanation in words: its depth in the condition tree, its wording, and whether it holds.
 *
 * @example
 * ```ts
 * const line: ExplanationLine = {
 *   depth: 1,
 *   text: { zh: '“视频监控覆盖率”应不低于90%，实际为85%', en: '“CCTV coverage” should be at least 90%; it is 85%' },
 *   result: false,
 * };
 * ```
 */
export interface ExplanationLine {
  readonly depth: number;
  readonly text: Wording;
  /** `null` when a fact it needs is missing from the assessment. */
  readonly result: boolean | null;
}

type Leaf = Extract<ExplanationNode, { kind: 'leaf' }>;
type DraftedMarks = Standard['drafted'];

/** Said after an expected value that the rule-set author chose (the standard marks it `drafted`). */
const draftedWords: Wording = deepFreeze({ zh: '（草拟值）', en: ' (drafted)' });

const operatorWords: Readonly<Record<string, Wording>> = deepFreeze({
  equal: { zh: '应为', en: 'should be' },
  notEqual: { zh: '不应为', en: 'should not be' },
  lessThan: { zh: '应小于', en: 'should be below' },
  lessThanInclusive: { zh: '应不超过', en: 'should be at most' },
  greaterThan: { zh: '应大于', en: 'should be above' },
  greaterThanInclusive: { zh: '应不低于', en: 'should be at least' },
  in: { zh: '应为以下之一', en: 'should be one of' },
  notIn: { zh: '不应为以下任何一项', en: 'should be none of' },
  contains: { zh: '应包含', en: 'should contain' },
  doesNotContain: { zh: '不应包含', en: 'should not contain' },
});

const headings = deepFreeze({
  applicable: { zh: '适用条件：', en: 'Applies when:' },
  condition: { zh: '符合条件：', en: 'Met when:' },
  all: { zh: '以下全部满足：', en: 'All of these:' },
  any: { zh: '以下至少一项满足：', en: 'At least one of these:' },
  not: { zh: '以下不应成立：', en: 'None of this may hold:' },
} satisfies Record<string, Wording>);

/**
 * A standard's explanation as lines a person reads, in Chinese and English: each condition with the
 * expected and the actual value under the fact's title (`“视频监控覆盖率”应不低于90%，实际为85%`), nested
 * under `all` / `any` / `not` headings; a shared condition is a heading that names it (`共用条件“hasLifts”：`),
 * over its expansion. A standard with `applicableWhen` starts with it; when it does not
 * hold, the standard is not applicable and its condition is left out. Empty for a result computed without
 * explanations. A custom operator is named by its id. Given the standard, an expected value it marks
 * `drafted` (chosen by the rule-set author, not stated by a source) is followed by `（草拟值）` / ` (drafted)`.
 *
 * @example
 * ```ts
 * const result = evaluate(ruleSet, assessment);
 * const standard = ruleSet.aspects[0].requirements[0].standards[0];
 * for (const line of explanationInWords(result.standards[0].explanation, ruleSet, standard)) {
 *   console.log(`${'  '.repeat(line.depth)}${resultMark(line.result)} ${line.text.zh}`);
 * }
 * // ✗ “公共区域视频监控覆盖率是多少（0–1）？”应不低于90%（草拟值），实际为85%
 * ```
 */
export function explanationInWords(
  explanation: StandardExplanation | undefined,
  ruleSet: Pick<RuleSet, 'facts'>,
  standard?: Pick<Standard, 'drafted'>,
): ExplanationLine[] {
  if (explanation === undefined) return [];
  const lines: ExplanationLine[] = [];
  const context = { ruleSet, drafted: standard?.drafted };
  const { applicable, condition } = explanation;
  if (applicable === undefined) {
    describeNode(condition, context, 0, lines);
    return lines;
  }
  lines.push({ depth: 0, text: headings.applicable, result: applicable.result });
  describeNode(applicable, context, 1, lines);
  if (applicable.result === false) return lines;
  lines.push({ depth: 0, text: headings.condition, result: condition.result });
  describeNode(condition, context, 1, lines);
  return lines;
}

interface Context {
  readonly ruleSet: Pick<RuleSet, 'facts'>;
  readonly drafted: DraftedMarks;
}

/**
 * ✓ for a condition that holds, ✗ for one that fails, ? for one that cannot be decided (a fact is missing).
 *
 * @example
 * ```ts
 * [true, false, null].map(resultMark).join(' '); // '✓ ✗ ?'
 * ```
 */
export function resultMark(result: boolean | null): '✓' | '✗' | '?' {
  if (result === null) return '?';
  return result ? '✓' : '✗';
}

function describeNode(
  node: ExplanationNode,
  context: Context,
  depth: number,
  lines: ExplanationLine[],
): void {
  switch (node.kind) {
    case 'leaf':
      lines.push({ depth, text: describeLeaf(node, context), result: node.result });
      return;
    case 'not':
      lines.push({ depth, text: headings.not, result: node.result });
      describeNode(node.child, context, depth + 1, lines);
      return;
    case 'reference':
      lines.push({ depth, text: referenceHeading(node.condition), result: node.result });
      describeNode(node.child, context, depth + 1, lines);
      return;
    case 'all':
    case 'any':
      lines.push({ depth, text: headings[node.kind], result: node.result });
      for (const child of node.children) describeNode(child, context, depth + 1, lines);
  }
}

function referenceHeading(name: string): Wording {
  return { zh: `共用条件${JSON.stringify(name)}：`, en: `Shared condition ${JSON.stringify(name)}:` };
}

function isDrafted(leaf: Leaf, drafted: DraftedMarks): boolean {
  const expected = JSON.stringify(leaf.expected);
  return (drafted ?? []).some((mark) => mark.fact === leaf.fact && JSON.stringify(mark.value) === expected);
}

function describeLeaf(leaf: Leaf, { ruleSet, drafted }: Context): Wording {
  const [fact, title] = factTitle(ruleSet, leaf.fact);
  const operator = (Object.hasOwn(operatorWords, leaf.operator)
    ? operatorWords[leaf.operator]
    : undefined) ?? {
    zh: leaf.operator,
    en: leaf.operator,
  };
  const expected = isFactReference(leaf.expected)
    ? otherFactInWords(ruleSet, leaf.expected.fact, leaf.expectedActual ?? null)
    : factValueInWords(leaf.expected, fact);
  const actual = factValueInWords(leaf.actual, fact);
  const mark = isDrafted(leaf, drafted) ? draftedWords : { zh: '', en: '' };
  return {
    zh: `“${title.zh}”${operator.zh}${expected.zh}${mark.zh}，实际为${actual.zh}`,
    en: `“${title.en}” ${operator.en} ${expected.en}${mark.en}; it is ${actual.en}`,
  };
}

function factTitle(ruleSet: Pick<RuleSet, 'facts'>, factId: string): [FactDefinition | undefined, Wording] {
  const fact = Object.hasOwn(ruleSet.facts, factId) ? ruleSet.facts[factId] : undefined;
  return [fact, { zh: fact?.title.zh ?? factId, en: fact?.title.en ?? fact?.title.zh ?? factId }];
}

/** The fact a leaf compares with, by title, and its value: `“required green area” (1000 m²)`. */
function otherFactInWords(ruleSet: Pick<RuleSet, 'facts'>, factId: string, value: Leaf['actual']): Wording {
  const [fact, title] = factTitle(ruleSet, factId);
  const words = factValueInWords(value, fact);
  return { zh: `“${title.zh}”（${words.zh}）`, en: `“${title.en}” (${words.en})` };
}
