/** A title as a rule set writes it (`en` null or absent where it has none). */
interface Title {
  readonly zh: string;
  readonly en?: string | null | undefined;
}

/** What the reasons read of a rule set, prepared once per rule set. */
export interface ReasonsRubric {
  /** Absent: compliance-rate. */
  readonly mode?: 'compliance-rate' | 'points';
  readonly threshold: number;
  /** The threshold as a percentage in words (`85%`). */
  readonly thresholdInWords: string;
  /** How many of `applicable` standards must be met to reach the threshold, exactly. */
  readonly requiredCount: (applicable: number) => number;
  readonly minMetPerRequirement: number;
  /** Points mode (only read there). */
  readonly passMark?: number;
  /** The pass mark, points and minimums × `pointsScale`: exact integers (points mode). */
  readonly scaledPassMark?: number;
  readonly pointsScale?: number;
  /** `minimum` as written, or undefined (or null) when the aspect has none. */
  readonly aspects: readonly {
    readonly id: string;
    readonly title: Title;
    readonly minimum: number | null | undefined;
    readonly scaledMinimum: number;
  }[];
  readonly requirements: readonly { readonly title: Title }[];
  readonly standards: readonly { readonly id: string }[];
  /** A fact's title, or undefined for an id the catalog does not have. */
  readonly factTitle: (factId: string) => Title | undefined;
}

/** What the reasons read of one evaluation. */
export interface ReasonsVerdict {
  readonly inScope: boolean | null;
  /** Out of scope: the facts of the scope's leaves that failed. */
  readonly failedFacts: readonly string[];
  readonly met: number;
  readonly applicable: number;
  readonly scaledPoints: number;
  readonly scaledAspectPoints: ArrayLike<number>;
  readonly requirements: readonly {
    readonly id: string;
    readonly aspectId: string;
    readonly met: number;
    readonly satisfied: boolean;
  }[];
  /** Outcome codes by standard: 3 is missing data. */
  readonly outcomes: ArrayLike<number>;
  readonly missingFacts: readonly string[];
  /** Scope unknown: the facts the scope reads. */
  readonly scopeFacts: { has(factId: string): boolean };
}

/** A reason as the writer makes it: the `Reason` of a result (its type lives with the result's). */
export type WrittenReason = { readonly code: string; readonly message: Title } & Record<string, unknown>;

/** Writes the reasons of one scoring mode (the threshold, or the pass mark and aspect minimums) into `reasons`. */
export type ScoreReasons = (verdict: ReasonsVerdict, reasons: WrittenReason[]) => void;

/**
 * Every reason an estate is not eligible, each with the numbers and a sentence to act on: the one writer
 * of reasons, for core's evaluator and the standalone module. Core's is {@link reasonsWriter}; the module
 * embeds this function and the writer of its rule set's scoring mode only ({@link complianceReasons} or
 * {@link pointsReasons}), each self-contained (see `value-words.ts`).
 *
 * @example
 * ```ts
 * const reasonsFor = reasonsWriterWith(rubric, complianceReasons(rubric));
 * reasonsFor(verdict); // [{ code: 'BELOW_THRESHOLD', met: 50, applicable: 65, … }]
 * ```
 */
export function reasonsWriterWith(
  rubric: ReasonsRubric,
  scoreReasons: ScoreReasons,
): (verdict: ReasonsVerdict) => WrittenReason[] {
  const english = (text: Title) => text.en ?? text.zh;
  // Each fact by its question's title with its id, e.g. 「幼儿园距离」(distanceToKindergarten); the first
  // ten, then how many more: a sentence a person reads, not a dump. The reason's data keeps the ids.
  const factNames = (factIds: readonly string[]) => {
    const named = factIds.slice(0, 10).map((factId) => {
      const title = rubric.factTitle(factId);
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
  // A reason as results hold it: its code, its numbers, then its sentence in Chinese and in English.
  const reason = (code: string, data: Record<string, unknown>, zh: string, en: string): WrittenReason => ({
    code,
    ...data,
    message: { zh, en },
  });
  const plural = (count: number) => (count === 1 ? '' : 's');
  return (verdict) => {
    const reasons: WrittenReason[] = [];
    if (verdict.inScope === false) {
      const facts = verdict.failedFacts;
      const names = factNames(facts);
      reasons.push(
        reason(
          'OUT_OF_SCOPE',
          { facts },
          `小区不在创建范围内（未满足范围条件：${names.zh}）`,
          `The estate is out of scope (scope condition not met on: ${names.en})`,
        ),
      );
    } else if (verdict.inScope === null) {
      const scopeMissing = verdict.missingFacts.filter((fact) => verdict.scopeFacts.has(fact));
      const names = factNames(scopeMissing);
      reasons.push(
        reason(
          'SCOPE_UNKNOWN',
          { missingFacts: scopeMissing },
          `无法判断是否在创建范围内：缺少 ${names.zh}`,
          `Cannot tell whether the estate is in scope: missing ${names.en}`,
        ),
      );
    }
    scoreReasons(verdict, reasons);
    verdict.requirements.forEach((requirement, position) => {
      if (requirement.satisfied) return;
      const title = rubric.requirements[position]!.title;
      const required = rubric.minMetPerRequirement;
      const state =
        requirement.met === 0
          ? { zh: '没有符合的标准', en: 'has none met' }
          : { zh: `仅 ${requirement.met} 项标准符合`, en: `has only ${requirement.met} met` };
      reasons.push(
        reason(
          'REQUIREMENT_UNCOVERED',
          { requirementId: requirement.id, aspectId: requirement.aspectId, met: requirement.met, required },
          `要求 ${requirement.id}「${title.zh}」${state.zh}，至少需 ${required} 项`,
          `requirement ${requirement.id} (${english(title)}) ${state.en}; at least ${required} needed`,
        ),
      );
    });
    const undecided: string[] = [];
    for (let position = 0; position < verdict.outcomes.length; position++)
      if (verdict.outcomes[position] === 3) undecided.push(rubric.standards[position]!.id);
    if (undecided.length > 0) {
      const { missingFacts } = verdict;
      const names = factNames(missingFacts);
      reasons.push(
        reason(
          'MISSING_DATA',
          { missingFacts, standards: undecided },
          `${undecided.length} 项标准因缺少数据无法判定（按不符合计）：请填写 ${names.zh}`,
          `${undecided.length} standard${plural(undecided.length)} could not be decided for missing data (counted as not met): answer ${names.en}`,
        ),
      );
    }
    return reasons;
  };
}

/**
 * The reasons of compliance-rate mode: no standard applies, or too few are met for the threshold.
 * Self-contained (see `value-words.ts`).
 *
 * @example
 * ```ts
 * const reasonsFor = reasonsWriterWith(rubric, complianceReasons(rubric));
 * ```
 */
export function complianceReasons(rubric: ReasonsRubric): ScoreReasons {
  // met ÷ applicable in percent, rounded half up to one decimal, as `percentInWords` words the share:
  // exact in integers (a tie is a fraction whose decimal the share's shortest form writes exactly).
  const percentOf = (met: number, applicable: number): string => {
    const tenths = Math.floor((2000 * met + applicable) / (2 * applicable));
    return `${(tenths / 10).toFixed(1).replace(/\.0$/, '')}%`;
  };
  return ({ met, applicable }, reasons) => {
    if (applicable === 0) {
      reasons.push({
        code: 'NO_APPLICABLE_STANDARDS',
        message: {
          zh: '没有适用的标准，无法计算符合率',
          en: 'No standard applies, so there is no compliance rate to judge',
        },
      });
      return;
    }
    const required = rubric.requiredCount(applicable);
    if (met >= required) return;
    const shortfall = required - met;
    const threshold = rubric.thresholdInWords;
    const share = percentOf(met, applicable);
    reasons.push({
      code: 'BELOW_THRESHOLD',
      met,
      applicable,
      threshold: rubric.threshold,
      required,
      shortfall,
      message: {
        zh: `还需 ${shortfall} 项标准符合：适用的 ${applicable} 项中符合 ${met} 项（${share}），达到 ${threshold} 需 ${required} 项`,
        en: `${shortfall} more standard${shortfall === 1 ? '' : 's'} needed: ${met} of ${applicable} applicable standards met (${share}); ${threshold} requires ${required}`,
      },
    });
  };
}

/**
 * The reasons of points mode: below the pass mark, or an aspect below its minimum. Self-contained (see
 * `value-words.ts`).
 *
 * @example
 * ```ts
 * const reasonsFor = reasonsWriterWith(rubric, pointsReasons(rubric));
 * ```
 */
export function pointsReasons(rubric: ReasonsRubric): ScoreReasons {
  const scale = rubric.pointsScale!;
  return (verdict, reasons) => {
    if (verdict.scaledPoints < rubric.scaledPassMark!) {
      const points = verdict.scaledPoints / scale;
      const shortfall = (rubric.scaledPassMark! - verdict.scaledPoints) / scale;
      reasons.push({
        code: 'BELOW_PASS_MARK',
        points,
        passMark: rubric.passMark,
        shortfall,
        message: {
          zh: `还差 ${shortfall} 分：得分 ${points}，合格线 ${rubric.passMark}`,
          en: `${shortfall} more point${shortfall === 1 ? '' : 's'} needed: scored ${points} of pass mark ${rubric.passMark}`,
        },
      });
    }
    rubric.aspects.forEach((aspect, position) => {
      const minimum = aspect.minimum;
      if (minimum == null || verdict.scaledAspectPoints[position]! >= aspect.scaledMinimum) return;
      const points = verdict.scaledAspectPoints[position]! / scale;
      const title = aspect.title;
      reasons.push({
        code: 'BELOW_ASPECT_MINIMUM',
        aspectId: aspect.id,
        points,
        minimum,
        message: {
          zh: `方面 ${aspect.id}「${title.zh}」得分 ${points}，低于该方面最低分 ${minimum}`,
          en: `aspect ${aspect.id} (${title.en ?? title.zh}) scored ${points}, below its minimum of ${minimum}`,
        },
      });
    });
  };
}

/**
 * Core's writer of reasons: {@link reasonsWriterWith} and the writer of the rubric's scoring mode.
 *
 * @example
 * ```ts
 * const reasonsFor = reasonsWriter(rubric);
 * reasonsFor(verdict); // [{ code: 'BELOW_THRESHOLD', met: 50, applicable: 65, … }]
 * ```
 */
export function reasonsWriter(rubric: ReasonsRubric): (verdict: ReasonsVerdict) => WrittenReason[] {
  return reasonsWriterWith(rubric, (rubric.mode === 'points' ? pointsReasons : complianceReasons)(rubric));
}
