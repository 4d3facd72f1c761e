import type { OperatorDefinition } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { tinyEstate, tinyRuleSet } from '../../test/tiny-rule-set.js';
import type { LintStep } from './findings.js';
import type { Fixture } from './fixtures.js';
import { runCheck } from './run-check.js';

// A lint step that finds nothing, so each test sees only the step it is about.
const noLint: LintStep = () => [];
const source = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const input = (json: unknown, extra: Partial<Parameters<typeof runCheck>[0]> = {}) => ({
  file: 'city.json',
  source: source(json),
  json,
  operators: [],
  lint: noLint,
  ...extra,
});
const fixture = (document: unknown): Fixture => ({
  file: 'fixtures.ndjson',
  line: 1,
  document,
  positionOf: () => ({ line: 1, column: 1 }),
});

describe('runCheck', () => {
  it('runs the lint step it is given on a valid rule set, and places each finding on its line', () => {
    const seen: string[] = [];
    const lint: LintStep = (ruleSet) => {
      seen.push(ruleSet.id);
      return [
        {
          code: 'UNREACHABLE_STANDARD',
          severity: 'warning',
          path: ['aspects', 0, 'requirements', 1, 'standards', 0],
          message: { zh: '标准三永远不会符合', en: 'S3 can never be met' },
          witness: { never: true },
        },
      ];
    };
    const report = runCheck(input(tinyRuleSet(), { lint }));
    expect(seen).toEqual(['tiny-city']);
    const lines = source(tinyRuleSet()).split('\n');
    expect(report.findings).toEqual([
      {
        source: 'lint',
        code: 'UNREACHABLE_STANDARD',
        severity: 'warning',
        message: { zh: '标准三永远不会符合', en: 'S3 can never be met' },
        file: 'city.json',
        path: ['aspects', 0, 'requirements', 1, 'standards', 0],
        // The standard's object opens on the line above its id.
        line: lines.findIndex((line) => line.includes('"id": "S3"')),
        column: 13,
        witness: { never: true },
      },
    ]);
  });

  it('does not lint a rule set that does not match the schema', () => {
    const broken = { ...tinyRuleSet(), scoring: { mode: 'lottery' } };
    const lint: LintStep = () => {
      throw new Error('linted an invalid rule set');
    };
    const report = runCheck(input(broken, { lint }));
    expect(report.findings.map((finding) => finding.source)).toContain('schema');
    expect(report.findings.every((finding) => finding.source === 'schema')).toBe(true);
  });

  it('validates and evaluates with the custom operators of the registry’s plugins', () => {
    const atLeastRounded: OperatorDefinition = {
      name: 'atLeastRounded',
      factTypes: ['integer'],
      valueKind: 'scalar',
      evaluate: (factValue, value) => Math.round(Number(factValue)) >= Number(value),
    };
    const custom = tinyRuleSet();
    custom.aspects[0]!.requirements[0]!.standards[1]!.condition = {
      all: [{ fact: 'b', operator: 'atLeastRounded', value: 3 }],
    };
    const fixtures = [fixture(tinyEstate('e1', { a: true, b: 5, c: true }, { eligible: true }))];
    const without = runCheck(input(custom, { fixtures }));
    expect(without.findings[0]).toMatchObject({
      source: 'schema',
      message: { en: expect.stringContaining('atLeastRounded') },
    });
    const withOperators = runCheck(input(custom, { fixtures, operators: [atLeastRounded] }));
    expect(withOperators.findings).toEqual([]);
    expect(withOperators.cases.map((entry) => entry.name)).toEqual(['rule set', 'lint', 'e1']);
  });
});
