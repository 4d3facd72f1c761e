import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { assignments, type FactId, rubrics } from '../../test/lint-rubric-arbitrary.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { factsReadBy } from '../rule-set/conditions.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { Condition } from '../rule-set/types.js';
import { lintRuleSet } from './lint-rule-set.js';

describe('lintRuleSet against brute force', () => {
  test.prop([rubrics], { numRuns: Number(process.env.LINT_RUNS ?? 150) })(
    'every verdict holds over every complete assessment, and every witness shows its claim',
    (input) => {
      const evaluator = compileRuleSet(defineRuleSet(input));
      const facts = Object.keys(input.facts) as FactId[];
      const results = [...assignments(facts)].map((values) =>
        evaluator.evaluate({ id: 'x', community: { name: 'x' }, facts: values }, { explain: false }),
      );
      const inScope = results.filter((result) => result.inScope);
      const { findings, undecided } = lintRuleSet(input);
      expect(undecided).toEqual([]);
      const reported = (code: string) =>
        findings.filter((finding) => finding.code === code).map((finding) => JSON.stringify(finding.path));
      expect(reported('SCOPE_EXCLUDES_ALL')).toEqual(inScope.length === 0 ? ['["scope"]'] : []);
      if (inScope.length === 0) return;

      const standards = input.aspects.flatMap((aspect, a) =>
        aspect.requirements.flatMap((requirement, r) =>
          requirement.standards.map((standard, s) => ({
            standard,
            path: ['aspects', a, 'requirements', r, 'standards', s],
          })),
        ),
      );
      const expected = {
        never: [] as string[],
        neverMet: [] as string[],
        alwaysMet: [] as string[],
        pairs: [] as string[],
      };
      const varies: boolean[] = [];
      standards.forEach(({ path }, index) => {
        const outcomes = new Set(inScope.map((result) => result.standards[index]!.outcome));
        varies.push(false);
        if (!outcomes.has('met') && !outcomes.has('unmet'))
          expected.never.push(JSON.stringify([...path, 'applicableWhen']));
        else if (!outcomes.has('met')) expected.neverMet.push(JSON.stringify([...path, 'condition']));
        else if (!outcomes.has('unmet')) expected.alwaysMet.push(JSON.stringify([...path, 'condition']));
        else varies[index] = true;
      });
      expect(reported('STANDARD_NEVER_APPLICABLE')).toEqual(expected.never);
      expect(reported('STANDARD_NEVER_MET')).toEqual(expected.neverMet);
      expect(reported('STANDARD_ALWAYS_MET')).toEqual(expected.alwaysMet);

      // Pairs that share a fact (the scope's facts count for a standard that reads one of them).
      const scopeFacts = factsReadBy(input.scope as Condition | undefined);
      const effective = standards.map(({ standard }) => {
        const own = factsReadBy(standard.condition as Condition).concat(
          factsReadBy(standard.applicableWhen as Condition | undefined),
        );
        return own.some((fact) => scopeFacts.includes(fact)) ? [...own, ...scopeFacts] : own;
      });
      const pairFindings: string[] = [];
      standards.forEach((first, i) => {
        standards.forEach((second, j) => {
          if (
            j <= i ||
            !varies[i] ||
            !varies[j] ||
            !effective[i]!.some((fact) => effective[j]!.includes(fact))
          )
            return;
          const met = (result: (typeof inScope)[number], index: number) =>
            result.standards[index]!.outcome === 'met';
          const both = inScope.some((result) => met(result, i) && met(result, j));
          const iWithout = inScope.some((result) => met(result, i) && !met(result, j));
          const jWithout = inScope.some((result) => met(result, j) && !met(result, i));
          if (!both) pairFindings.push(JSON.stringify(['STANDARDS_CONTRADICT', second.path]));
          else if (!iWithout && !jWithout)
            pairFindings.push(JSON.stringify(['STANDARDS_EQUIVALENT', second.path]));
          else if (!iWithout) pairFindings.push(JSON.stringify(['STANDARD_IMPLIES', first.path]));
          else if (!jWithout) pairFindings.push(JSON.stringify(['STANDARD_IMPLIES', second.path]));
        });
      });
      const pairCodes = ['STANDARDS_CONTRADICT', 'STANDARDS_EQUIVALENT', 'STANDARD_IMPLIES'];
      expect(
        findings
          .filter((finding) => pairCodes.includes(finding.code))
          .map((finding) => JSON.stringify([finding.code, finding.path]))
          .sort(),
      ).toEqual(pairFindings.sort());

      const requirementsNever = input.aspects[0]!.requirements.flatMap((_requirement, r) =>
        inScope.some((result) => result.requirements[r]!.satisfied)
          ? []
          : [JSON.stringify(['aspects', 0, 'requirements', r])],
      );
      expect(reported('REQUIREMENT_NEVER_COVERED')).toEqual(requirementsNever);

      const neverEligible = findings.find((finding) => finding.code === 'NEVER_ELIGIBLE');
      expect(neverEligible !== undefined).toBe(!inScope.some((result) => result.eligible));
      if (neverEligible) {
        const shown = evaluator.evaluate(neverEligible.witness!);
        expect(shown.inScope).toBe(true);
        expect(shown.eligible).toBe(false);
        if (input.scoring.mode === 'points') {
          const best = Math.max(...inScope.map((result) => result.score!.points));
          expect([neverEligible.proof?.bestPoints, shown.score?.points]).toEqual([best, best]);
        } else {
          const bestRate = Math.max(
            ...inScope.map((result) =>
              result.compliance.applicable === 0 ? 0 : result.compliance.met / result.compliance.applicable,
            ),
          );
          const { bestMet = -1, bestApplicable = -1 } = neverEligible.proof ?? {};
          expect(bestApplicable === 0 ? 0 : bestMet / bestApplicable).toBe(bestRate);
          expect([shown.compliance.met, shown.compliance.applicable]).toEqual([bestMet, bestApplicable]);
        }
      }
      for (const finding of findings.filter((candidate) => candidate.code === 'STANDARD_IMPLIES')) {
        const outcomes = evaluator.evaluate(finding.witness!).standards.map((standard) => standard.outcome);
        const implying = standards.findIndex(
          ({ path }) => JSON.stringify(path) === JSON.stringify(finding.path),
        );
        expect(outcomes[implying]).not.toBe('met');
        expect(outcomes.filter((outcome) => outcome === 'met').length).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
