import { describe, expect, it } from 'vitest';
import { factInWords } from './fact-words.js';

describe('factInWords', () => {
  const ruleSet = {
    facts: {
      rentalHouseholds: { type: 'integer', title: { zh: '租赁户数', en: 'Rental households' } },
      hasGas: { type: 'boolean', title: { zh: '是否通燃气' } },
    },
  } as const;

  it('names the question by its title, then the id; English falls back to the Chinese title', () => {
    expect(factInWords(ruleSet, 'rentalHouseholds')).toEqual({
      zh: '「租赁户数」(rentalHouseholds)',
      en: '“Rental households” (rentalHouseholds)',
    });
    expect(factInWords(ruleSet, 'hasGas').en).toBe('“是否通燃气” (hasGas)');
  });

  it('falls back to the id for a fact the catalog lacks, inherited names included', () => {
    expect(factInWords(ruleSet, 'cctvCoverage')).toEqual({ zh: 'cctvCoverage', en: 'cctvCoverage' });
    expect(factInWords(ruleSet, 'toString')).toEqual({ zh: 'toString', en: 'toString' });
  });
});
