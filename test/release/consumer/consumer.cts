// A CommonJS TypeScript user (a .cts file: its imports compile to require()), as Node ≥ 20.19 runs it. Under
// module nodenext, TypeScript 5.9 and later accept it for ESM-only packages; 5.5 and older refuse (TS1479).
import { compileRuleSet, type EvaluationResult } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';

const result: EvaluationResult = compileRuleSet(guangxi2021).evaluate(guangxiSamples.eligible);
// @ts-expect-error eligible is a boolean: the types resolved, they are not any
const notAString: string = result.eligible;

export { notAString, result };
