// Also a type-level test: `tsc` (pnpm typecheck) checks this file, and an unused `@ts-expect-error` is itself
// an error, so each marked line fails the type check if it starts to compile.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { sampleRuleSet } from '../../test/fixtures.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { createRegistry } from '../plugins/create-registry.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { extendRuleSet } from '../variants/extend-rule-set.js';
import { foldApplication } from '../workflow/fold-application.js';
import { asIssueOf } from './as-issue-of.js';
import type { RubricErrorCode } from './error-codes.js';
import { type IssueKind, issueKinds, type ShapeKind } from './issue-kinds.js';
import { type IssueOf, RubricError } from './rubric-error.js';

function thrown(run: () => unknown): RubricError {
  try {
    run();
  } catch (error) {
    if (RubricError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a RubricError');
}

describe('issueKinds', () => {
  it('lists the kinds of every error code, each with what it means', () => {
    const codes: RubricErrorCode[] = [
      'INVALID_RULE_SET',
      'INVALID_ASSESSMENT',
      'INVALID_OPTIONS',
      'INVALID_PLAN',
      'INVALID_PATCH',
      'INVALID_WORKFLOW_STEP',
      'INVALID_WORKBOOK',
      'INVALID_REGISTRY',
      'INVALID_PLUGIN',
      'RULE_SET_NOT_FOUND',
      'PLUGIN_FAILED',
    ];
    expect(Object.keys(issueKinds).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      for (const [kind, description] of Object.entries(issueKinds[code])) {
        expect(kind).toMatch(/^[a-z][a-z_-]*$/);
        expect(description.length, `${code} ${kind}`).toBeGreaterThan(10);
      }
    }
  });

  it('types a kind per code', () => {
    expectTypeOf<'unknown-fact'>().toExtend<IssueKind<'INVALID_ASSESSMENT'>>();
    expectTypeOf<'unknown-operator'>().not.toExtend<IssueKind<'INVALID_ASSESSMENT'>>();
    // zod's issue codes, passed on as the kinds of shape problems, are exactly the table's.
    expectTypeOf<ShapeKind>().toEqualTypeOf<z.core.$ZodIssue['code']>();
    const issue: IssueOf<'INVALID_ASSESSMENT'> = { path: [], message: 'm', kind: 'unknown-fact' };
    // @ts-expect-error an assessment issue cannot be of a rule set's kind
    const wrong: IssueOf<'INVALID_ASSESSMENT'> = { path: [], message: 'm', kind: 'unknown-operator' };
    // @ts-expect-error a kind that the table does not list does not compile
    const unlisted = new RubricError('INVALID_RULE_SET', [{ path: [], message: 'm', kind: 'made-up' }]);
    expect([issue, wrong, unlisted]).toHaveLength(3);
  });

  it('narrows an error by its code to that code’s kinds', () => {
    const error: unknown = thrown(() => defineRuleSet({ ...sampleRuleSet(), aspects: [] }));
    if (RubricError.isInstance(error) && error.code === 'INVALID_RULE_SET') {
      expectTypeOf(error.issues[0]!.kind).toEqualTypeOf<IssueKind<'INVALID_RULE_SET'> | undefined>();
      expect(issueKinds.INVALID_RULE_SET[error.issues[0]!.kind!]).toBeDefined();
    } else expect.unreachable();
  });

  it('documents every kind that the library reports, whatever the code', () => {
    const plugin = { name: 'p', apiVersion: 2 };
    const errors = [
      thrown(() => defineRuleSet({ ...sampleRuleSet(), facts: { __proto__x: 1 }, extra: true })),
      thrown(() => compileRuleSet(defineRuleSet(sampleRuleSet())).evaluate({ id: '', facts: [] } as never)),
      thrown(() => extendRuleSet(defineRuleSet(sampleRuleSet()), { id: 'sample-rubric', version: '1.0.0' })),
      thrown(() => createRegistry({ plugins: [plugin, plugin] } as never)),
      thrown(() => foldApplication([{ type: 'applied' }] as never)),
    ];
    for (const error of errors) {
      expect(error.issues.length).toBeGreaterThan(0);
      for (const issue of error.issues) {
        expect(issue.kind, `${error.code} ${issue.message}`).toBeDefined();
        expect(Object.hasOwn(issueKinds[error.code], issue.kind!), `${error.code} ${issue.kind}`).toBe(true);
      }
    }
  });

  it('passes an issue on under another code, keeping its kind only where that code lists it', () => {
    const ruleSetIssue: IssueOf<'INVALID_RULE_SET'> = { path: ['x'], message: 'm', kind: 'undeclared-fact' };
    expect(asIssueOf('INVALID_PLUGIN', ruleSetIssue)).toEqual(ruleSetIssue);
    expect(asIssueOf('INVALID_ASSESSMENT', ruleSetIssue)).toEqual({ path: ['x'], message: 'm' });
  });
});
