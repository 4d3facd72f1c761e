import type { Condition, FactDefinition, RuleSetInput } from '../src/index.js';

/** One standard of a test rubric: its id, condition, and optional applicability and requirement. */
export interface TestStandard {
  readonly id: string;
  readonly condition: Condition;
  readonly applicableWhen?: Condition;
  readonly requirement?: string;
}

/**
 * A small compliance-rate rubric for the linter's tests: standards grouped into requirements by their
 * `requirement` (default one requirement per standard), one aspect.
 */
export function testRubric(
  facts: Record<string, Omit<FactDefinition, 'title'>>,
  standards: readonly TestStandard[],
  extra: Partial<RuleSetInput> = {},
): RuleSetInput {
  const requirements = new Map<string, TestStandard[]>();
  for (const standard of standards) {
    const key = standard.requirement ?? `R-${standard.id}`;
    requirements.set(key, [...(requirements.get(key) ?? []), standard]);
  }
  return {
    id: 'lint-test',
    version: '1.0.0',
    title: { zh: '检查器测试' },
    provenance: { status: 'provisional', source: 'test' },
    facts: Object.fromEntries(
      Object.entries(facts).map(([id, definition]) => [id, { ...definition, title: { zh: id } }]),
    ),
    scoring: { mode: 'compliance-rate', threshold: 0.5 },
    aspects: [
      {
        id: 'A',
        title: { zh: 'A' },
        requirements: [...requirements].map(([id, members]) => ({
          id,
          title: { zh: id },
          standards: members.map(({ id: standardId, condition, applicableWhen }) => ({
            id: standardId,
            title: { zh: standardId },
            condition,
            ...(applicableWhen ? { applicableWhen } : {}),
          })),
        })),
      },
    ],
    ...extra,
  } as RuleSetInput;
}
