import { describe, expect, it } from 'vitest';
import { addIssue } from './add-issue.js';
import type { IssueOf } from './rubric-error.js';

describe('addIssue', () => {
  it('appends the issue with its path, message and kind, in that order, after the ones gathered', () => {
    const issues: IssueOf<'INVALID_RULE_SET'>[] = [{ path: ['id'], message: 'first', kind: 'custom' }];
    addIssue(
      issues,
      ['facts', 'x', 'values'],
      'an enum fact lists its allowed values',
      'enum-without-values',
    );
    expect(issues).toEqual([
      { path: ['id'], message: 'first', kind: 'custom' },
      {
        path: ['facts', 'x', 'values'],
        message: 'an enum fact lists its allowed values',
        kind: 'enum-without-values',
      },
    ]);
    expect(Object.keys(issues[1]!)).toEqual(['path', 'message', 'kind']);
  });
});
