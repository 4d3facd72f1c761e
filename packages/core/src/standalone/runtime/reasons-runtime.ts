import type { Reason, RequirementResult } from '../../result/types.js';
import type { StandaloneData, StandaloneFact } from './types.js';

/** What {@link reasonsWriter}'s function reads of one evaluation. */
export interface StandaloneVerdict {
  readonly inScope: boolean | null;
  readonly failedFacts: readonly string[];
  readonly met: number;
  readonly applicable: number;
  readonly scaledPoints: number;
  readonly aspectPoints: ArrayLike<number>;
  readonly requirements: readonly RequirementResult[];
  readonly outcomes: readonly number[];
  readonly missingFacts: readonly string[];
  /** Facts the scope reads, by id. */
  readonly scopeFacts: ReadonlySet<string>;
}

/**
 * The reasons an estate is not eligible, worded as core's `reasonsFor` words them. Self-contained: the
 * generator embeds its source text in the module.
 *
 * @example
 * ```ts
 * const reasonsFor = reasonsWriter(data, facts, requirements);
 * reasonsFor(verdict); // [{ code: 'BELOW_THRESHOLD', … }]
 * ```
 */
export function reasonsWriter(
  data: StandaloneData,
  facts: readonly StandaloneFact[],
  requirementList: readonly { readonly title: { readonly zh: string; readonly en?: string } }[],
): (verdict: StandaloneVerdict) => Reason[] {
  const { scoring } = data;
  const scale = scoring.pointsScale;
  const titleOf = new Map(facts.map((fact) => [fact.id, fact.title]));
  const english = (text: { zh: string; en?: string }) => text.en ?? text.zh;
  // met ÷ applicable in percent, rounded half up to one decimal, as core's percentInWords words the share:
  // exact in integers (a tie is a fraction whose decimal the share's shortest form writes exactly).
  const percentOf = (met: number, applicable: number): string => {
    const tenths = Math.floor((2000 * met + applicable) / (2 * applicable));
    return `${(tenths / 10).toFixed(1).replace(/\.0$/, '')}%`;
  };
  const factNames = (factIds: readonly string[]) => {
    const named = factIds.slice(0, 10).map((factId) => {
      const title = titleOf.get(factId);
      return {
        zh: title ? `「${title.zh}」(${factId})` : factId,
        en: title ? `“${english(title)}” (${factId})` : factId,
      };
    });
    const more = factIds.length - named.length;
    return {
      zh: named.map((name) => name.zh).join('、') + (more > 0 ? ` 等 ${factIds.length} 项` : ''),
      en: named.map((name) => name.en).join(', ') + (more > 0 ? ` and ${more} more` : ''),
    };
  };
  return (verdict) => {
    const reasons: Reason[] = [];
    if (verdict.inScope === false) {
      const facts = verdict.failedFacts;
      reasons.push({
        code: 'OUT_OF_SCOPE',
        facts,
        message: {
          zh: `小区不在创建范围内（未满足范围条件：${factNames(facts).zh}）`,
          en: `The estate is out of scope (scope condition not met on: ${factNames(facts).en})`,
        },
      });
    } else if (verdict.inScope === null) {
      const scopeMissing = verdict.missingFacts.filter((fact) => verdict.scopeFacts.has(fact));
      reasons.push({
        code: 'SCOPE_UNKNOWN',
        missingFacts: scopeMissing,
        message: {
          zh: `无法判断是否在创建范围内：缺少 ${factNames(scopeMissing).zh}`,
          en: `Cannot tell whether the estate is in scope: missing ${factNames(scopeMissing).en}`,
        },
      });
    }
    const { met, applicable } = verdict;
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
        const required = scoring.required[applicable]!;
        if (met < required) {
          const shortfall = required - met;
          const threshold = scoring.thresholdInWords;
          const share = percentOf(met, applicable);
          reasons.push({
            code: 'BELOW_THRESHOLD',
            met,
            applicable,
            threshold: scoring.threshold,
            required,
            shortfall,
            message: {
              zh: `还需 ${shortfall} 项标准符合：适用的 ${applicable} 项中符合 ${met} 项（${share}），达到 ${threshold} 需 ${required} 项`,
              en: `${shortfall} more standard${shortfall === 1 ? '' : 's'} needed: ${met} of ${applicable} applicable standards met (${share}); ${threshold} requires ${required}`,
            },
          });
        }
      }
    } else {
      if (verdict.scaledPoints < scoring.scaledPassMark) {
        const points = verdict.scaledPoints / scale;
        const shortfall = (scoring.scaledPassMark - verdict.scaledPoints) / scale;
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
      data.aspects.forEach((aspect, position) => {
        const minimum = aspect.minimum;
        if (minimum === null || verdict.aspectPoints[position]! >= aspect.scaledMinimum) return;
        const points = verdict.aspectPoints[position]! / scale;
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
    verdict.requirements.forEach((requirement, position) => {
      if (requirement.satisfied) return;
      const title = requirementList[position]!.title;
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
    verdict.outcomes.forEach((outcome, position) => {
      if (outcome === 3) undecided.push(data.standards[position]![0]);
    });
    if (undecided.length > 0) {
      const { missingFacts } = verdict;
      reasons.push({
        code: 'MISSING_DATA',
        missingFacts,
        standards: undecided,
        message: {
          zh: `${undecided.length} 项标准因缺少数据无法判定（按不符合计）：请填写 ${factNames(missingFacts).zh}`,
          en: `${undecided.length} standard${undecided.length === 1 ? '' : 's'} could not be decided for missing data (counted as not met): answer ${factNames(missingFacts).en}`,
        },
      });
    }
    return reasons;
  };
}
