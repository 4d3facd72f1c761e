// The rule set's json-rules-engine condition trees translated to equivalent JSON Logic, for the
// json-logic-engine baseline.

const comparisons = {
  equal: '===',
  notEqual: '!==',
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
};

/** One json-rules-engine condition as JSON Logic. json-logic-engine's `in` takes `[needle, haystack]`. */
export function toJsonLogic(condition) {
  if ('all' in condition) return { and: condition.all.map(toJsonLogic) };
  if ('any' in condition) return { or: condition.any.map(toJsonLogic) };
  if ('not' in condition) return { '!': toJsonLogic(condition.not) };
  const fact = { var: condition.fact };
  if (condition.operator in comparisons)
    return { [comparisons[condition.operator]]: [fact, condition.value] };
  if (condition.operator === 'in') return { in: [fact, condition.value] };
  if (condition.operator === 'notIn') return { '!': { in: [fact, condition.value] } };
  throw new Error(`no JSON Logic translation for operator "${condition.operator}"`);
}

/**
 * One JSON Logic program deciding the whole rule set, run on `assessment.facts`: an array whose first
 * element is the scope verdict (true when the rule set has no scope) and then one entry per standard, in
 * rule-set order — `true` met, `false` unmet, `null` not applicable.
 */
export function ruleSetToJsonLogic(ruleSet) {
  const standards = ruleSet.aspects.flatMap((aspect) =>
    aspect.requirements.flatMap((requirement) => requirement.standards),
  );
  const verdicts = standards.map((standard) =>
    standard.applicableWhen
      ? { if: [toJsonLogic(standard.applicableWhen), toJsonLogic(standard.condition), null] }
      : toJsonLogic(standard.condition),
  );
  return [ruleSet.scope ? toJsonLogic(ruleSet.scope) : true, ...verdicts];
}

/** What the JSON Logic program should return for a compiled evaluator's result, to check equivalence. */
export function expectedVerdicts(result) {
  return [
    result.inScope,
    ...result.standards.map((standard) => {
      if (standard.outcome === 'met') return true;
      if (standard.outcome === 'unmet') return false;
      if (standard.outcome === 'not-applicable') return null;
      throw new Error(`standard ${standard.id} of ${result.assessmentId} is ${standard.outcome}`);
    }),
  ];
}
