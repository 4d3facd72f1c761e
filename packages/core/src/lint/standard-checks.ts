import { builtInOperators } from '../rule-set/operators.js';
import type { Condition } from '../rule-set/types.js';
import { both, leafParts, negation, truthOf } from './condition-truth.js';
import { decide, factsOfAll } from './decide.js';
import { type LintContext, named, noteUndecided } from './lint-context.js';

type Path = readonly (string | number)[];

const builtInNames = new Set(builtInOperators.map((operator) => operator.name));

/** The scope and focus: a condition that no estate meets shuts every estate out (scope) or makes the focus empty. */
export function checkScopeAndFocus(context: LintContext): boolean {
  const { ruleSet, space } = context;
  let scopeOpen = true;
  const check = (condition: Condition | undefined, path: Path, isScope: boolean) => {
    if (condition === undefined) return;
    // The scope itself is asked without being conjoined with itself.
    const decision = decide({ ...space, scope: undefined }, factsOfAll(condition), (values) =>
      truthOf(condition, values),
    );
    if (noteUndecided(context, isScope ? 'SCOPE_EXCLUDES_ALL' : 'FOCUS_EXCLUDES_ALL', path, decision)) return;
    if (decision.kind !== 'never') return;
    if (isScope) scopeOpen = false;
    context.findings.push(
      isScope
        ? {
            code: 'SCOPE_EXCLUDES_ALL',
            severity: 'error',
            path,
            message: {
              zh: '适用范围条件排除了所有小区：没有任何小区在范围内',
              en: 'the scope excludes every estate: no estate can be in scope',
            },
          }
        : {
            code: 'FOCUS_EXCLUDES_ALL',
            severity: 'warning',
            path,
            message: {
              zh: '重点范围条件排除了所有小区',
              en: 'the focus excludes every estate',
            },
          },
    );
  };
  check(ruleSet.scope, ['scope'], true);
  check(ruleSet.focus, ['focus'], false);
  return scopeOpen;
}

/**
 * Literal values outside their fact's catalog range: a comparison with them is decided before any estate
 * answers (`cctvCoverage ≥ 1.5` where the coverage is at most 1), usually a slip of units.
 */
export function checkValueRanges(context: LintContext, condition: Condition, path: Path): void {
  leafParts(
    condition,
    (leaf) => {
      const definition = context.ruleSet.facts[leaf.fact];
      if (definition === undefined || (definition.type !== 'integer' && definition.type !== 'number')) return;
      // A custom operator's value need not be a value of the fact (a tolerance, a unit): opaque, not judged.
      if (!builtInNames.has(leaf.operator)) return;
      const { min, max } = definition;
      const listed = Array.isArray(leaf.leaf.value);
      leaf.literals.forEach((value, index) => {
        if (typeof value !== 'number') return;
        const below = min !== undefined && value < min;
        const above = max !== undefined && value > max;
        if (!below && !above) return;
        const bound = below ? `最小值 ${min}` : `最大值 ${max}`;
        const boundEn = below ? `below the minimum ${min}` : `above the maximum ${max}`;
        context.findings.push({
          code: 'VALUE_OUT_OF_RANGE',
          severity: 'error',
          path: listed ? [...leaf.path, 'value', index] : [...leaf.path, 'value'],
          message: {
            zh: `${value} 超出事实 ${JSON.stringify(leaf.fact)} 的取值范围（${bound}），这一比较对任何小区结果都相同`,
            en: `${value} is ${boundEn} of fact ${JSON.stringify(leaf.fact)}: this comparison comes out the same for every estate`,
          },
        });
      });
    },
    path,
  );
}

/** Each standard on its own: can it apply, can it be met, can it fail. */
export function checkStandards(context: LintContext): void {
  for (const info of context.standards) {
    const { standard, path } = info;
    const conditionFacts = info.facts;
    if (standard.applicableWhen) {
      const applicableWhen = standard.applicableWhen;
      const applies = decide(context.space, factsOfAll(applicableWhen), (values) =>
        truthOf(applicableWhen, values),
      );
      if (noteUndecided(context, 'STANDARD_NEVER_APPLICABLE', [...path, 'applicableWhen'], applies)) {
        info.status = 'undecided';
      } else if (applies.kind === 'never') {
        info.status = 'never-applicable';
        context.findings.push({
          code: 'STANDARD_NEVER_APPLICABLE',
          severity: 'error',
          path: [...path, 'applicableWhen'],
          message: {
            zh: `标准 ${named(info)} 的适用条件对任何小区都不成立：它永远不适用`,
            en: `standard ${named(info)} never applies: its applicableWhen holds for no estate`,
          },
        });
        continue;
      }
    }
    const canMeet = decide(context.space, conditionFacts, info.met);
    if (noteUndecided(context, 'STANDARD_NEVER_MET', [...path, 'condition'], canMeet))
      info.status = 'undecided';
    else if (canMeet.kind === 'never') {
      info.status = 'never-met';
      context.findings.push({
        code: 'STANDARD_NEVER_MET',
        severity: 'error',
        path: [...path, 'condition'],
        message: {
          zh: `标准 ${named(info)} 永远无法达标：没有任何取值满足其条件${standard.applicableWhen ? '（在其适用时）' : ''}`,
          en: `standard ${named(info)} can never be met: no values of its facts satisfy its condition${standard.applicableWhen ? ' where it applies' : ''}`,
        },
      });
      continue;
    }
    const canFail = decide(context.space, conditionFacts, (values) =>
      both(info.applicable(values), negation(truthOf(standard.condition, values))),
    );
    if (noteUndecided(context, 'STANDARD_ALWAYS_MET', [...path, 'condition'], canFail))
      info.status = 'undecided';
    else if (canFail.kind === 'never') {
      info.status = 'always-met';
      context.findings.push({
        code: 'STANDARD_ALWAYS_MET',
        severity: 'warning',
        path: [...path, 'condition'],
        message: {
          zh: `标准 ${named(info)} 只要填写了其事实就必然达标，区分不了任何小区`,
          en: `standard ${named(info)} is met by every estate that answers its facts: it tells no estate apart`,
        },
      });
    }
  }
}
