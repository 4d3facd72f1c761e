// A rule set small enough to reason about by hand, for the `check` command's tests.

/** A small rule set: 3 standards in 2 requirements, eligible at 60% with one standard per requirement. */
export function tinyRuleSet(threshold = 0.6) {
  const boolean = (zh: string) => ({ type: 'boolean', title: { zh } });
  return {
    id: 'tiny-city',
    version: threshold === 0.6 ? '1.0.0' : '2.0.0',
    title: { zh: '小城（虚构）' },
    provenance: { status: 'provisional', source: 'a rule set for tests' },
    facts: {
      a: boolean('有甲吗？'),
      b: { type: 'integer', title: { zh: '乙有几个？' }, min: 0 },
      c: boolean('有丙吗？'),
    },
    scoring: { mode: 'compliance-rate', threshold, minMetPerRequirement: 1, notApplicable: 'exclude' },
    aspects: [
      {
        id: 'A1',
        title: { zh: '方面' },
        requirements: [
          {
            id: 'R1',
            title: { zh: '要求一' },
            standards: [
              {
                id: 'S1',
                title: { zh: '标准一' },
                condition: { all: [{ fact: 'a', operator: 'equal', value: true }] },
              },
              {
                id: 'S2',
                title: { zh: '标准二' },
                condition: { all: [{ fact: 'b', operator: 'greaterThanInclusive', value: 3 }] },
              },
            ],
          },
          {
            id: 'R2',
            title: { zh: '要求二' },
            standards: [
              {
                id: 'S3',
                title: { zh: '标准三' },
                condition: { any: [{ fact: 'c', operator: 'equal', value: true }] },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** An assessment of the tiny rule set's facts, with an `expect` when given. */
export const tinyEstate = (id: string, facts: Record<string, unknown>, expectation?: unknown) => ({
  id,
  community: { name: `${id} 小区` },
  facts,
  ...(expectation === undefined ? {} : { expect: expectation }),
});
