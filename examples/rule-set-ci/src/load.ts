import { readdirSync, readFileSync } from 'node:fs';
import { type Assessment, defineRuleSet } from '@sunshine-rubric/core';

const here = new URL('../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, here), 'utf8'));

/** The rule set under review, and the version on the main branch it replaces. */
export const ruleSet = defineRuleSet(readJson('rule-sets/example-city.json'));
export const previousRuleSet = defineRuleSet(readJson('rule-sets/example-city.previous.json'));

/**
 * Self-checks of the city's (fictional) estates, kept beside the rule set as fixtures. Each carries the
 * verdict `sunshine-rubric check` holds it to (`expect`), which is not part of the assessment.
 */
export const fixtures: Assessment[] = readdirSync(new URL('fixtures/', here))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const { expect: _expected, ...assessment } = readJson(`fixtures/${file}`) as Assessment & {
      expect?: unknown;
    };
    return assessment;
  });
