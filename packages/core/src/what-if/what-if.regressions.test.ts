import { describe, expect, it } from 'vitest';
import { expectRubricErrorOrValue, FUZZ_TIMEOUT } from '../../test/fuzz/contract.js';
import { guangxi2021, guangxiResult } from '../../test/fuzz/documents.js';
import { type Outcome, whatIf } from '../index.js';
import { EvaluationResultSchema } from '../result/schema.js';

describe('bugs this suite found, now fixed', { timeout: FUZZ_TIMEOUT }, () => {
  // BUG-8: whatIf takes any value as an outcome ("banana", undefined, 42) and returns a result whose
  // standards carry it, which EvaluationResultSchema rejects; it should throw INVALID_OPTIONS.
  it('BUG-8: whatIf rejects an outcome that is not met/unmet/not-applicable/missing-data', () => {
    const outcome = expectRubricErrorOrValue(
      () => whatIf(guangxi2021, guangxiResult, { S01: 'banana' as Outcome }),
      { entryPoint: 'bug' },
    );
    if (outcome?.ok) expect(EvaluationResultSchema.safeParse(outcome.value).success).toBe(true);
  });
});
