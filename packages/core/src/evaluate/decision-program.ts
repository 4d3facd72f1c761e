import type { FactValue } from '../rule-set/types.js';
import type { FactValues } from './fact-values.js';

/**
 * A condition's short-circuiting test as a flat program of leaves: each leaf compares one fact slot with
 * one constant and jumps to the next leaf (or to the verdict) on true and on false. `all`, `any` and `not`
 * are only jumps, so deciding a condition makes no call per node and no allocation: one loop, one switch
 * on small integers, the comparisons written out. Closures per node would each be a call through a
 * megamorphic site (one site calling every kind of node), which V8 can neither inline nor predict.
 *
 * Leaves are 5 integers in `code`: operation, fact slot, constant index, where to go when the leaf holds,
 * where when it does not. A target below zero is the verdict ({@link holds}, {@link fails}).
 */
export interface DecisionProgram {
  readonly code: Int32Array;
  /** The leaves' literals; for `call` leaves, the leaf's own test. */
  readonly constants: readonly unknown[];
  /** The first leaf, or a verdict when the condition has no leaf (`all: []`, `any: []`). */
  readonly start: number;
}

/** The verdict targets: -1 - the outcome code they stand for, in a standard's program. */
export const holds = -1;
export const fails = -2;
/** A standard's `applicableWhen` did not hold (see {@link joinStandards}). */
export const notApplicable = -3;

/** What a leaf does: a built-in comparison with a literal, or a call of the leaf's compiled test. */
export const Operation = {
  equal: 0,
  notEqual: 1,
  lessThan: 2,
  lessThanInclusive: 3,
  greaterThan: 4,
  greaterThanInclusive: 5,
  in: 6,
  notIn: 7,
  call: 8,
} as const;

const leafSize = 5;

/**
 * Runs a decision program on fact values; only called when every fact it reads is present, as
 * `CompiledCondition.test`.
 *
 * @example
 * ```ts
 * runDecision(compiled.program, values); // the same as compiled.test(values)
 * ```
 */
export function runDecision(program: DecisionProgram, values: FactValues): boolean {
  return runTo(program.code, program.constants, program.start, values) === holds;
}

/**
 * Runs the program in `code` and `constants` from the leaf `at` to the verdict it reaches (a target below
 * zero: {@link holds}, {@link fails}, or {@link notApplicable} in {@link joinStandards}' programs): one
 * loop, one switch on small integers, the comparisons written out.
 *
 * @example
 * ```ts
 * runTo(program.code, program.constants, program.start, values) === holds; // runDecision(program, values)
 * ```
 */
export function runTo(
  code: Int32Array,
  constants: readonly unknown[],
  at: number,
  values: FactValues,
): number {
  while (at >= 0) {
    const offset = at * leafSize;
    const value = values[code[offset + 1]!] as FactValue;
    const expected = constants[code[offset + 2]!] as FactValue;
    let result: boolean;
    switch (code[offset]) {
      case Operation.equal:
        result = value === expected;
        break;
      case Operation.notEqual:
        result = value !== expected;
        break;
      case Operation.lessThan:
        result = value < expected;
        break;
      case Operation.lessThanInclusive:
        result = value <= expected;
        break;
      case Operation.greaterThan:
        result = value > expected;
        break;
      case Operation.greaterThanInclusive:
        result = value >= expected;
        break;
      case Operation.in:
        result = (expected as unknown as readonly FactValue[]).indexOf(value) > -1;
        break;
      case Operation.notIn:
        result = (expected as unknown as readonly FactValue[]).indexOf(value) === -1;
        break;
      default:
        result = (expected as unknown as (values: FactValues) => boolean)(values);
    }
    at = result ? code[offset + 3]! : code[offset + 4]!;
  }
  return at;
}

/** Every standard's test in one program: enter a standard at its start, and the verdict is its outcome. */
export interface StandardPrograms {
  readonly code: Int32Array;
  readonly constants: readonly unknown[];
  /** Per standard, where {@link runTo} enters it: its `applicableWhen`, or its condition when it has none. */
  readonly starts: Int32Array;
}

/**
 * Lays every standard's programs end to end in one: its condition, then its `applicableWhen` going to the
 * condition when it holds and to {@link notApplicable} when it does not. Deciding a standard is then one
 * run from its start, whose verdict names the outcome ({@link standardOutcome}), and a loop over the
 * standards reads one code array instead of the fields of two objects per standard.
 *
 * @example
 * ```ts
 * const programs = joinStandards(standards.map((standard) => ({
 *   applicableWhen: standard.applicableWhen?.program,
 *   condition: standard.condition.program,
 * })));
 * standardOutcome(programs, 0, values); // OutcomeCode.met, unmet or notApplicable
 * ```
 */
export function joinStandards(
  standards: readonly {
    readonly applicableWhen: DecisionProgram | undefined;
    readonly condition: DecisionProgram;
  }[],
): StandardPrograms {
  const code: number[] = [];
  const constants: unknown[] = [];
  /** Appends a program, its verdicts sent to `whenHolds` and `whenFails`; returns where it starts. */
  const append = (program: DecisionProgram, whenHolds: number, whenFails: number): number => {
    const leafBase = code.length / leafSize;
    const relocate = (target: number) =>
      target === holds ? whenHolds : target === fails ? whenFails : target + leafBase;
    for (let offset = 0; offset < program.code.length; offset += leafSize)
      code.push(
        program.code[offset]!,
        program.code[offset + 1]!,
        program.code[offset + 2]! + constants.length,
        relocate(program.code[offset + 3]!),
        relocate(program.code[offset + 4]!),
      );
    constants.push(...program.constants);
    return relocate(program.start);
  };
  const starts = Int32Array.from(standards, ({ applicableWhen, condition }) => {
    const conditionStart = append(condition, holds, fails);
    return applicableWhen === undefined
      ? conditionStart
      : append(applicableWhen, conditionStart, notApplicable);
  });
  return { code: Int32Array.from(code), constants, starts };
}

/**
 * A standard's outcome code (met, unmet or not applicable), by one run of {@link joinStandards}' program.
 * Only when every fact is present and no plugin is called.
 *
 * @example
 * ```ts
 * outcomes[position] = standardOutcome(programs, position, values);
 * ```
 */
export function standardOutcome(programs: StandardPrograms, position: number, values: FactValues): number {
  // holds → 0 (met), fails → 1 (unmet), notApplicable → 2: the verdicts are -1 - OutcomeCode.
  return -1 - runTo(programs.code, programs.constants, programs.starts[position]!, values);
}

/**
 * Collects leaves into a program. Conditions are compiled last child first, so that every jump's target
 * is known when the leaf is written: a child's targets are its parent's next step.
 *
 * @example
 * ```ts
 * const builder = new DecisionProgramBuilder();
 * const start = builder.leaf(Operation.equal, slot, true, holds, fails);
 * builder.program(start).code.length; // 5
 * ```
 */
export class DecisionProgramBuilder {
  private readonly code: number[] = [];
  private readonly constants: unknown[] = [];

  /** Writes a leaf and returns where it is. */
  leaf(operation: number, slot: number, constant: unknown, whenTrue: number, whenFalse: number): number {
    const at = this.code.length / leafSize;
    this.constants.push(constant);
    this.code.push(operation, slot, this.constants.length - 1, whenTrue, whenFalse);
    return at;
  }

  program(start: number): DecisionProgram {
    return { code: Int32Array.from(this.code), constants: this.constants, start };
  }
}

/**
 * The operation of a built-in operator compared with a literal, or `call` for anything else.
 *
 * @example
 * ```ts
 * operationOf('greaterThanInclusive', 200); // Operation.greaterThanInclusive
 * ```
 */
export function operationOf(operator: string, expected: unknown): number {
  switch (operator) {
    case 'equal':
      return Operation.equal;
    case 'notEqual':
      return Operation.notEqual;
    case 'lessThan':
      return Operation.lessThan;
    case 'lessThanInclusive':
      return Operation.lessThanInclusive;
    case 'greaterThan':
      return Operation.greaterThan;
    case 'greaterThanInclusive':
      return Operation.greaterThanInclusive;
    case 'in':
      return Array.isArray(expected) ? Operation.in : Operation.call;
    case 'notIn':
      return Array.isArray(expected) ? Operation.notIn : Operation.call;
    default:
      return Operation.call;
  }
}
