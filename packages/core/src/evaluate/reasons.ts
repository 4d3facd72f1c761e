import type { Reason, RequirementResult } from '../result/types.js';
import { factsReadBy } from '../rule-set/conditions.js';
import type { Text } from '../rule-set/types.js';
import { factInWords } from '../words/fact-words.js';
import type { Wording } from '../words/outcome-names.js';
import { percentInWords } from '../words/percent-words.js';
import type { RubricLayout } from './layout.js';
import { OutcomeCode } from './outcome-codes.js';
import type { ScopeVerdict } from './scope-verdict.js';

interface Counts {
  readonly met: number;
  readonly applicable: number;
  readonly scaledPoints: number;
}

/** Every reason an estate is not eligible, each with the numbers and a sentence to act on. */
export function reasonsFor(
  layout: RubricLayout,
  scope: ScopeVerdict,
  counts: Counts,
  requirements: readonly RequirementResult[],
  scaledAspectPoints: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  missingFacts: readonly string[],
): Reason[] {
  const reasons: Reason[] = [];
  const { scoring } = layout.ruleSet;
  const scale = layout.pointsScale;
  if (scope.inScope === false) {
    const facts = scope.failedFacts;
    reasons.push({
      code: 'OUT_OF_SCOPE',
      facts,
      message: {
        zh: `小区不在创建范围内（未满足范围条件：${factNames(layout, facts).zh}）`,
        en: `The estate is out of scope (scope condition not met on: ${factNames(layout, facts).en})`,
      },
    });
  } else if (scope.inScope === null) {
    const scopeFacts = new Set(factsReadBy(layout.ruleSet.scope, layout.ruleSet.conditions));
    const scopeMissing = missingFacts.filter((fact) => scopeFacts.has(fact));
    reasons.push({
      code: 'SCOPE_UNKNOWN',
      missingFacts: scopeMissing,
      message: {
        zh: `无法判断是否在创建范围内：缺少 ${factNames(layout, scopeMissing).zh}`,
        en: `Cannot tell whether the estate is in scope: missing ${factNames(layout, scopeMissing).en}`,
      },
    });
  }

  const { met, applicable } = counts;
  if (scoring.mode === 'compliance-rate') {
    if (applicable === 0) {
      reasons.push({
        code: 'NO_APPLICABLE_STANDARDS',
        message: {
          zh: '没有适用的标准，无法计算符合率',
          en: 'No standard applies, so there is no compliance rate to judge',
        },
      });
    } else {
      const required = layout.requiredCount(applicable);
      if (met < required) {
        const shortfall = required - met;
        const threshold = percentInWords(scoring.threshold);
        reasons.push({
          code: 'BELOW_THRESHOLD',
          met,
          applicable,
          threshold: scoring.threshold,
          required,
          shortfall,
          message: {
            zh: `还需 ${shortfall} 项标准符合：适用的 ${applicable} 项中符合 ${met} 项（${percentInWords(met / applicable)}），达到 ${threshold} 需 ${required} 项`,
            en: `${shortfall} more standard${shortfall === 1 ? '' : 's'} needed: ${met} of ${applicable} applicable standards met (${percentInWords(met / applicable)}); ${threshold} requires ${required}`,
          },
        });
      }
    }
  } else {
    const passMark = layout.scaledPassMark;
    if (counts.scaledPoints < passMark) {
      const points = counts.scaledPoints / scale;
      const shortfall = (passMark - counts.scaledPoints) / scale;
      reasons.push({
        code: 'BELOW_PASS_MARK',
        points,
        passMark: scoring.passMark,
        shortfall,
        message: {
          zh: `还差 ${shortfall} 分：得分 ${points}，合格线 ${scoring.passMark}`,
          en: `${shortfall} more point${shortfall === 1 ? '' : 's'} needed: scored ${points} of pass mark ${scoring.passMark}`,
        },
      });
    }
    layout.aspects.forEach((aspect, position) => {
      const minimum = scoring.aspectMinimums?.[aspect.id];
      if (minimum === undefined || scaledAspectPoints[position]! >= layout.scaledAspectMinimums[position]!)
        return;
      const points = scaledAspectPoints[position]! / scale;
      reasons.push({
        code: 'BELOW_ASPECT_MINIMUM',
        aspectId: aspect.id,
        points,
        minimum,
        message: {
          zh: `方面 ${aspect.id}「${aspect.title.zh}」得分 ${points}，低于该方面最低分 ${minimum}`,
          en: `aspect ${aspect.id} (${english(aspect.title)}) scored ${points}, below its minimum of ${minimum}`,
        },
      });
    });
  }

  requirements.forEach((requirement, position) => {
    if (requirement.satisfied) return;
    const title = layout.requirements[position]!.title;
    const required = scoring.minMetPerRequirement;
    const state =
      requirement.met === 0
        ? { zh: '没有符合的标准', en: 'has none met' }
        : { zh: `仅 ${requirement.met} 项标准符合`, en: `has only ${requirement.met} met` };
    reasons.push({
      code: 'REQUIREMENT_UNCOVERED',
      requirementId: requirement.id,
      aspectId: requirement.aspectId,
      met: requirement.met,
      required,
      message: {
        zh: `要求 ${requirement.id}「${title.zh}」${state.zh}，至少需 ${required} 项`,
        en: `requirement ${requirement.id} (${english(title)}) ${state.en}; at least ${required} needed`,
      },
    });
  });

  const undecided: string[] = [];
  for (let position = 0; position < outcomes.length; position++)
    if (outcomes[position] === OutcomeCode.missingData) undecided.push(layout.standards[position]!.id);
  if (undecided.length > 0) {
    reasons.push({
      code: 'MISSING_DATA',
      missingFacts,
      standards: undecided,
      message: {
        zh: `${undecided.length} 项标准因缺少数据无法判定（按不符合计）：请填写 ${factNames(layout, missingFacts).zh}`,
        en: `${undecided.length} standard${undecided.length === 1 ? '' : 's'} could not be decided for missing data (counted as not met): answer ${factNames(layout, missingFacts).en}`,
      },
    });
  }
  return reasons;
}

/** How many facts a reason names before it says how many more: a sentence a person reads, not a dump. */
const NAMED_FACTS = 10;

/**
 * Facts as the self-check asks them: each by its question's title with its id, e.g.
 * `「幼儿园距离」(distanceToKindergarten)`; the first ten, then how many more. The reason's data keeps the ids.
 */
// Each fact worded as everywhere else (its question's title, then its id); a long list is cut short.
function factNames(layout: RubricLayout, factIds: readonly string[]): Wording {
  const named = factIds.slice(0, NAMED_FACTS).map((factId) => factInWords(layout.ruleSet, factId));
  const more = factIds.length - named.length;
  return {
    zh: named.map((name) => name.zh).join('、') + (more > 0 ? ` 等 ${factIds.length} 项` : ''),
    en: named.map((name) => name.en).join(', ') + (more > 0 ? ` and ${more} more` : ''),
  };
}

function english(text: Text): string {
  return text.en ?? text.zh;
}
