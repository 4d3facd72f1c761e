import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { at, reviewedRuleSet, selfCheck } from '../../test/workflow-logs.js';
import type { ApplicationState } from './application-state.js';
import type { ApplicationEventType } from './events.js';
import {
  advanceApplication,
  decidingTierOf,
  type FoldApplicationOptions,
  foldApplication,
  nextSteps,
} from './fold-application.js';

const options: FoldApplicationOptions = { ruleSet: reviewedRuleSet, workflow: { revocation: true } };
const standardIds = reviewedRuleSet.aspects.flatMap((aspect) =>
  aspect.requirements.flatMap((requirement) => requirement.standards.map((standard) => standard.id)),
);

function dayAfter(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** One legal event of the given type after `state`, its details picked by `choice`. */
function eventOf(type: ApplicationEventType, state: ApplicationState, date: string, choice: number) {
  const pick = <Value>(values: readonly Value[]): Value => values[choice % values.length]!;
  switch (type) {
    case 'self-check-completed':
      return selfCheck(date);
    case 'application-received':
      return at(type, date, { tier: pick(['county', 'city']) });
    case 'standard-reviewed':
      return at(type, date, {
        tier: decidingTierOf(state),
        standard: pick(standardIds),
        ...pick([
          { decision: 'agree' },
          { decision: 'disagree', outcome: pick(['met', 'unmet', 'not-applicable']), reason: '现场核查' },
          { decision: 'rectification-required', what: '整改', by: dayAfter(date, 30) },
        ]),
      });
    case 'reinspected':
      return at(type, date, {
        ...pick([
          { result: 'confirmed' },
          { result: 'rectification-required', what: '整改', by: dayAfter(date, 30) },
          { result: 'revoked', reason: '复查不合格' },
        ]),
      });
    case 'city-review-returned':
      return at(type, date, { reasons: ['材料不全'] });
    default:
      return at(type, date);
  }
}

/** A legal log: a walk through the steps `nextSteps` offers, one choice per step. */
function legalLog(choices: readonly number[]): Record<string, unknown>[] {
  let state = foldApplication([], options);
  let date = '2021-03-01';
  const events: Record<string, unknown>[] = [];
  for (const choice of choices) {
    const steps = nextSteps(state);
    if (steps.length === 0) break;
    date = dayAfter(date, choice % 4);
    const event = eventOf(steps[choice % steps.length]!, state, date, Math.floor(choice / 7));
    state = advanceApplication(state, event, options);
    events.push(event);
  }
  return events;
}

describe('foldApplication is deterministic', () => {
  test.prop([fc.array(fc.nat(10_000), { maxLength: 40 })])(
    'folding a legal log twice, after a JSON round trip, or one event at a time gives the same state',
    (choices) => {
      const log = legalLog(choices);
      const state = foldApplication(log, options);
      expect(foldApplication(log, options)).toEqual(state);
      expect(foldApplication(JSON.parse(JSON.stringify(log)), options)).toEqual(state);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      const stepwise = log.reduce(
        (current: ApplicationState, event) => advanceApplication(current, event, options),
        foldApplication([], options),
      );
      expect(stepwise).toEqual(state);
      expect(state.history).toHaveLength(log.length);
    },
  );
});
