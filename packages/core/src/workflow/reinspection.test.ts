import { describe, expect, it } from 'vitest';
import { at, certifiedLog, decision, reviewedRuleSet, selfCheck } from '../../test/workflow-logs.js';
import { type FoldApplicationOptions, foldApplication, safeFoldApplication } from './fold-application.js';

const options: FoldApplicationOptions = { ruleSet: reviewedRuleSet };
const revoking: FoldApplicationOptions = { ...options, workflow: { revocation: true } };
const reinspected = (date: string, extra: Record<string, unknown>) =>
  at('reinspected', date, { tier: 'region', ...extra });

describe('re-inspection of a certified estate', () => {
  it('confirms the title, and the region may record decisions while re-inspecting', () => {
    const state = foldApplication(
      [
        ...certifiedLog(),
        decision('2023-05-10', 'region', 's-lift-inspection'),
        reinspected('2023-05-10', { result: 'confirmed' }),
      ],
      options,
    );
    expect(state).toMatchObject({ status: 'certified', certifiedOn: '2021-12-20' });
    expect(state.reinspections?.map((event) => event.result)).toEqual(['confirmed']);
    expect(state.decisions?.at(-1)).toMatchObject({ tier: 'region', standard: 's-lift-inspection' });
  });

  it('requires rectification, then confirms the title once it is made: the title holds meanwhile', () => {
    const log = [
      ...certifiedLog(),
      reinspected('2023-05-10', { result: 'rectification-required', what: '更换监控', by: '2023-07-01' }),
      at('rectified', '2023-06-20'),
      reinspected('2023-07-05', { result: 'confirmed' }),
    ];
    expect(foldApplication(log.slice(0, -2), options).status).toBe('reinspection-rectification-required');
    expect(foldApplication(log.slice(0, -1), options).status).toBe('reinspection-rectified');
    const state = foldApplication(log, options);
    expect(state.status).toBe('certified');
    expect(state.reinspections).toHaveLength(2);
    expect(state.rectifications).toBe(1);
  });

  it('revokes the title where the workflow allows it, keeping the history, and the estate may apply again', () => {
    const revoked = [
      ...certifiedLog(),
      reinspected('2023-05-10', { result: 'revoked', reason: '设施长期停用' }),
    ];
    const state = foldApplication(revoked, revoking);
    expect(state).toMatchObject({ status: 'revoked', revokedOn: '2023-05-10', certifiedOn: '2021-12-20' });
    expect(state.history).toHaveLength(revoked.length);
    const again = foldApplication(
      [...revoked, selfCheck('2024-03-01'), at('applied', '2024-03-05')],
      revoking,
    );
    expect(again).toMatchObject({ status: 'applied', year: 2024, revokedOn: '2023-05-10' });
  });

  it('refuses a revocation where the rule set’s plugin does not allow it', () => {
    const result = safeFoldApplication(
      [...certifiedLog(), reinspected('2023-05-10', { result: 'revoked', reason: '设施长期停用' })],
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toEqual([
      {
        path: [13, 'result'],
        kind: 'revocation-not-allowed',
        message: expect.stringContaining('workflow.revocation'),
      },
    ]);
  });

  it.each([
    [
      'a revocation without a reason',
      { result: 'revoked' },
      [13, 'reason'],
      'result revoked needs its reason',
    ],
    [
      'a re-inspection rectification without a date',
      { result: 'rectification-required', what: '更换监控' },
      [13, 'by'],
      'the date by which to fix it',
    ],
    ['an unknown result', { result: 'suspended' }, [13, 'result'], '"confirmed"'],
  ])('refuses %s', (_name, extra, path, words) => {
    const result = safeFoldApplication([...certifiedLog(), reinspected('2023-05-10', extra)], revoking);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toContainEqual(
      expect.objectContaining({ path, message: expect.stringContaining(words) }),
    );
  });

  it('refuses a re-inspection before certification, and anything but re-inspection after it', () => {
    const beforeCertified = safeFoldApplication(
      [...certifiedLog().slice(0, -1), reinspected('2021-12-21', { result: 'confirmed' })],
      options,
    );
    expect(beforeCertified.ok || beforeCertified.error.issues[0]).toMatchObject({ kind: 'illegal-step' });
    const applyAgain = safeFoldApplication([...certifiedLog(), at('applied', '2022-03-01')], options);
    expect(applyAgain.ok || applyAgain.error.issues[0]).toMatchObject({
      kind: 'after-certified',
      message: expect.stringContaining('but re-inspection'),
    });
  });
});
