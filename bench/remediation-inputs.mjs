// Seeded generators of large rule sets and assessments for the remediation and compile benchmarks.
// Plain data, no library import: the documents are what a user would load from JSON.

/** A deterministic LCG in [0, 1) (Numerical Recipes constants), so every run plans the same instances. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** At most this many facts: a fact catalog is one object, and no object of a document has more than 10,000 entries. */
const maxFacts = 10_000;

/**
 * A rule set of `standards` standards in requirements of about `perRequirement` each, spread over
 * `aspects` aspects. Standard i reads boolean fact `f{i mod facts}` (`equal true`); `facts` (default and
 * at most 10,000) is the size of the catalog.
 *
 * `scoring` is `{ mode: 'compliance-rate', threshold }` or `{ mode: 'points', passMark, aspectMinimums,
 * minMetPerRequirement }`; in points mode every standard gets points with two decimals from 0.50 to 5.00.
 */
export function largeRuleSet({
  standards,
  perRequirement = 10,
  aspects = 10,
  facts: factLimit = maxFacts,
  scoring,
  seed = 1,
}) {
  const random = seededRandom(seed);
  const factCount = Math.min(standards, factLimit, maxFacts);
  const facts = {};
  for (let index = 0; index < factCount; index++)
    facts[`f${index}`] = { type: 'boolean', title: { zh: `事实${index}` } };
  const requirementCount = Math.ceil(standards / perRequirement);
  const aspectList = Array.from({ length: aspects }, (_, aspect) => ({
    id: `a${aspect}`,
    title: { zh: `方面${aspect}` },
    requirements: [],
  }));
  let next = 0;
  for (let requirement = 0; requirement < requirementCount; requirement++) {
    const size = Math.min(perRequirement, standards - next);
    const list = [];
    for (let index = 0; index < size; index++, next++) {
      const standard = {
        id: `s${next}`,
        title: { zh: `标准${next}` },
        condition: { fact: `f${next % factCount}`, operator: 'equal', value: true },
      };
      if (scoring.mode === 'points') standard.points = (50 + Math.floor(random() * 451)) / 100;
      list.push(standard);
    }
    aspectList[requirement % aspects].requirements.push({
      id: `r${requirement}`,
      title: { zh: `要求${requirement}` },
      standards: list,
    });
  }
  return {
    id: `large-${scoring.mode}-${standards}`,
    version: '1.0.0',
    title: { zh: '大规则集' },
    provenance: { status: 'provisional', source: 'bench generator' },
    facts,
    scoring,
    aspects: aspectList,
  };
}

/** An assessment of a {@link largeRuleSet} where each fact is true with probability `metShare`. */
export function largeAssessment(ruleSetDocument, { metShare, seed = 2 }) {
  const random = seededRandom(seed);
  const facts = {};
  for (const id of Object.keys(ruleSetDocument.facts)) facts[id] = random() < metShare;
  return { id: `bench-${ruleSetDocument.id}`, community: { name: '基准小区' }, facts };
}

/**
 * Costs by standard id: varied, from 1,000 to 300,000 in steps of 1,000 (what a works estimate in CNY
 * looks like), so that ties are rare and the cheapest set is not simply the fewest standards.
 */
export function variedCosts(ruleSetDocument, seed = 3) {
  const random = seededRandom(seed);
  const cost = {};
  for (const aspect of ruleSetDocument.aspects)
    for (const requirement of aspect.requirements)
      for (const standard of requirement.standards)
        cost[standard.id] = 1000 * (1 + Math.floor(random() * 300));
  return cost;
}
