import { type Assignment, negation, type Truth } from './condition-truth.js';
import { decide } from './decide.js';
import { type LintContext, noteUndecided, type StandardInfo } from './lint-context.js';

/**
 * A requirement is covered when none of its standards applies, or at least `minMetPerRequirement` are met.
 * One that no in-scope estate covers makes every estate ineligible.
 */
export function checkRequirements(context: LintContext): void {
  const needed = context.ruleSet.scoring.minMetPerRequirement;
  if (needed <= 0) return;
  const byRequirement = new Map<string, StandardInfo[]>();
  for (const info of context.standards) {
    const key = `${info.aspectIndex}/${info.requirementIndex}`;
    const members = byRequirement.get(key);
    if (members) members.push(info);
    else byRequirement.set(key, [info]);
  }
  context.ruleSet.aspects.forEach((aspect, aspectIndex) => {
    aspect.requirements.forEach((requirement, requirementIndex) => {
      const infos = byRequirement.get(`${aspectIndex}/${requirementIndex}`) ?? [];
      // Met standards whose facts are disjoint can be met together; one is enough when one is needed.
      if (needed === 1 && infos.some((info) => info.status === 'varies' || info.status === 'always-met'))
        return;
      const path = ['aspects', aspectIndex, 'requirements', requirementIndex];
      const facts = [...new Set(infos.flatMap((info) => info.facts))];
      const covered = decide(context.space, facts, (values) => coverage(infos, needed, values));
      if (noteUndecided(context, 'REQUIREMENT_NEVER_COVERED', path, covered)) return;
      if (covered.kind !== 'never') return;
      const id = JSON.stringify(requirement.id);
      context.findings.push({
        code: 'REQUIREMENT_NEVER_COVERED',
        severity: 'error',
        path,
        message: {
          zh: `要求 ${id} 永远无法满足：没有小区能达到其中 ${needed} 项标准，所以没有小区能达到申报条件`,
          en: `requirement ${id} can never be covered: no estate meets ${needed} of its standards, so no estate can be eligible`,
        },
      });
    });
  });
}

/** Kleene verdict of "the requirement is covered" on some values. */
function coverage(infos: readonly StandardInfo[], needed: number, values: Assignment): Truth {
  let met = 0;
  let maybeMet = 0;
  let noneApplies: Truth = true;
  for (const info of infos) {
    const truth = info.met(values);
    if (truth === true) met++;
    else if (truth === undefined) maybeMet++;
    const notApplicable = negation(info.applicable(values));
    if (notApplicable === false) noneApplies = false;
    else if (notApplicable === undefined && noneApplies === true) noneApplies = undefined;
  }
  if (noneApplies === true || met >= needed) return true;
  if (noneApplies === false && met + maybeMet < needed) return false;
  return undefined;
}
