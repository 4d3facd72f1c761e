// A CommonJS TypeScript user (a .cts file: its imports compile to require()), which TypeScript accepts for
// ESM-only packages from 5.8 on under module nodenext, as Node ≥ 20.19 runs it.
import { compileRuleSet, type EvaluationResult } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';

const result: EvaluationResult = compileRuleSet(guangxi2021).evaluate(guangxiSamples.eligible);
// @ts-expect-error eligible is a boolean: the types resolved, they are not any
const notAString: string = result.eligible;

export { notAString, result };
