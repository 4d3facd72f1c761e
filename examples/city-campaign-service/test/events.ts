/** Application events for the tests: the shapes `ApplicationEventSchema` takes, as a client posts them. */

/** A self-check's verdict as an event keeps it (what `summariseSelfCheck` gives). */
export function selfCheck(date: string, { eligible = true, actor = '物业服务中心' } = {}) {
  return {
    type: 'self-check-completed',
    date,
    actor,
    evaluation: {
      ruleSet: { id: 'guangxi-2021', version: '1.0.0' },
      assessmentId: `self-check-${date}`,
      eligible,
      compliance: eligible
        ? { met: 58, applicable: 63, total: 65, rate: 58 / 63 }
        : { met: 40, applicable: 63, total: 65, rate: 40 / 63 },
    },
  };
}

/** Any other event: its type, day and extra fields. */
export function at(type: string, date: string, extra: Record<string, unknown> = {}) {
  return { type, date, actor: '钦州市住房和城乡建设局', ...extra };
}

/** Self-checked and applied for the 2021 round: waiting for the city review. */
export const applied = [selfCheck('2021-08-20'), at('applied', '2021-09-01', { actor: '家兴苑一区物业' })];
