import type { LinearModel, ModelConstraint } from './linear-model.js';

/** Terms per line: LP readers have line limits, and short lines keep a dumped model readable. */
const TERMS_PER_LINE = 8;

/**
 * The model in CPLEX LP format, the text HiGHS reads: the objective, one row per constraint, every variable
 * binary. A constraint without terms is written against the first variable with coefficient 0, so the
 * text stays valid and an impossible bound stays impossible.
 *
 * @example
 * ```ts
 * lpText({ variables: [{ name: 'x', cost: 2 }], constraints: [{ name: 'c', terms: [['x', 1]], sense: '>=', bound: 1 }] });
 * // 'Minimize\n obj: + 2 x\nSubject To\n c: + 1 x >= 1\nBinaries\n x\nEnd\n'
 * ```
 */
export function lpText(model: LinearModel): string {
  const first = model.variables[0]?.name;
  const lines = ['Minimize'];
  const objective = model.variables.filter((variable) => variable.cost !== 0);
  lines.push(
    ...wrap(
      ' obj:',
      objective.length > 0
        ? objective.map((variable) => term(variable.cost, variable.name))
        : first === undefined
          ? []
          : [term(0, first)],
    ),
  );
  lines.push('Subject To');
  for (const constraint of model.constraints) lines.push(...row(constraint, first));
  lines.push('Binaries');
  for (let start = 0; start < model.variables.length; start += TERMS_PER_LINE) {
    const names = model.variables.slice(start, start + TERMS_PER_LINE).map((variable) => variable.name);
    lines.push(` ${names.join(' ')}`);
  }
  lines.push('End', '');
  return lines.join('\n');
}

function row(constraint: ModelConstraint, first: string | undefined): string[] {
  const terms = constraint.terms.filter(([, coefficient]) => coefficient !== 0);
  const written =
    terms.length > 0
      ? terms.map(([variable, coefficient]) => term(coefficient, variable))
      : first === undefined
        ? []
        : [term(0, first)];
  const lines = wrap(` ${constraint.name}:`, written);
  lines[lines.length - 1] += ` ${constraint.sense} ${number(constraint.bound)}`;
  return lines;
}

function wrap(head: string, terms: readonly string[]): string[] {
  const lines: string[] = [];
  for (let start = 0; start < Math.max(terms.length, 1); start += TERMS_PER_LINE) {
    const chunk = terms.slice(start, start + TERMS_PER_LINE).join(' ');
    lines.push(start === 0 ? `${head} ${chunk}`.trimEnd() : `   ${chunk}`);
  }
  return lines;
}

function term(coefficient: number, variable: string): string {
  return `${coefficient < 0 ? '-' : '+'} ${number(Math.abs(coefficient))} ${variable}`;
}

/** Full precision, never `1e+21`-style for the integers costs are, and never `-0`. */
function number(value: number): string {
  if (Object.is(value, -0)) return '0';
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}
