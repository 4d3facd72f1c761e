import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { EvaluationResultSchema } from '../result/schema.js';
import type { EvaluationResult, Reason, ReasonCode } from '../result/types.js';
import type {
  AspectSchema,
  FactDefinitionSchema,
  LeafConditionSchema,
  ProvenanceSchema,
  RequirementSchema,
  RuleSetSchema,
  ScoringSchema,
  StandardSchema,
} from './schema.js';
import type {
  Aspect,
  FactDefinition,
  LeafCondition,
  Provenance,
  Requirement,
  RuleSet,
  Scoring,
  Standard,
} from './types.js';

/**
 * A type as plain data, for comparing a hand-written type with a schema's inferred one: no `readonly`, and
 * no `| undefined` on optional keys (zod writes `key?: T | undefined`, the library's types `key?: T` under
 * `exactOptionalPropertyTypes`). Nothing else differs between the two; every other difference fails.
 */
type Plain<T> = T extends readonly (infer Item)[]
  ? Plain<Item>[]
  : T extends object
    ? {
        -readonly [Key in keyof T]-?: undefined extends T[Key]
          ? Plain<Exclude<T[Key], undefined>> | Absent
          : Plain<T[Key]>;
      }
    : T;
/** Marks an optional key, where `-?` removed the `?`. */
type Absent = 'absent';

/**
 * Whether two types are identical, by the compiler's own identity check: unlike `toEqualTypeOf`, which gives
 * up on types this deep and large and passes, it compares a rule set to the last leaf.
 */
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe('the hand-written types and the zod schemas', () => {
  it('RuleSet is what RuleSetSchema outputs (without $schema)', () => {
    expectTypeOf<Identical<Plain<z.output<typeof StandardSchema>>, Plain<Standard>>>().toEqualTypeOf<true>();
    type SchemaRequirement = z.output<typeof RequirementSchema>;
    expectTypeOf<Identical<Plain<SchemaRequirement>, Plain<Requirement>>>().toEqualTypeOf<true>();
    expectTypeOf<Identical<Plain<z.output<typeof AspectSchema>>, Plain<Aspect>>>().toEqualTypeOf<true>();
    type SchemaFact = z.output<typeof FactDefinitionSchema>;
    expectTypeOf<Identical<Plain<SchemaFact>, Plain<FactDefinition>>>().toEqualTypeOf<true>();
    expectTypeOf<Identical<Plain<z.output<typeof ScoringSchema>>, Plain<Scoring>>>().toEqualTypeOf<true>();
    type SchemaProvenance = z.output<typeof ProvenanceSchema>;
    expectTypeOf<Identical<Plain<SchemaProvenance>, Plain<Provenance>>>().toEqualTypeOf<true>();
    // ConditionSchema is recursive, so it is annotated with Condition; its leaf is pinned here. An operator is
    // any string in the schema and `BuiltInOperator | (string & {})` (any string, with completions) in the type.
    type SchemaLeaf = Plain<z.output<typeof LeafConditionSchema>>;
    expectTypeOf<SchemaLeaf>().toExtend<Plain<LeafCondition>>();
    expectTypeOf<Plain<Omit<LeafCondition, 'operator'>>>().toEqualTypeOf<Omit<SchemaLeaf, 'operator'>>();
    // formatVersion is optional in a document and always set on a defined rule set (the lowest that fits).
    expectTypeOf<
      Identical<
        Plain<Omit<z.output<typeof RuleSetSchema>, '$schema' | 'formatVersion'>>,
        Plain<Omit<RuleSet, 'formatVersion'>>
      >
    >().toEqualTypeOf<true>();
    expectTypeOf<NonNullable<z.output<typeof RuleSetSchema>['formatVersion']>>().toEqualTypeOf<
      RuleSet['formatVersion']
    >();
  });

  it('EvaluationResult is what EvaluationResultSchema outputs; its reasons fit the schema’s looser reason', () => {
    type SchemaResult = z.output<typeof EvaluationResultSchema>;
    expectTypeOf<Plain<Omit<SchemaResult, 'reasons' | 'unevidenced'>>>().toEqualTypeOf<
      Plain<Omit<EvaluationResult, 'reasons' | 'unevidenced'>>
    >();
    // Every result evaluate returns lists its unevidenced standards; one stored before evidence existed lacks
    // the field, and the schema still reads it.
    expectTypeOf<SchemaResult['unevidenced']>().toEqualTypeOf<string[] | undefined>();
    // The schema (and the JSON Schema file) checks a reason's code and message, and lets its details through.
    expectTypeOf<SchemaResult['reasons'][number]['code']>().toEqualTypeOf<ReasonCode>();
    expectTypeOf<Plain<Reason>>().toExtend<Plain<SchemaResult['reasons'][number]>>();
  });
});
