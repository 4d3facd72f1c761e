import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RuleSetPatchSchema } from './patch-schema.js';

describe('RuleSetPatchSchema', () => {
  it('has a JSON Schema, as the library’s documents do', () => {
    const schema = z.toJSONSchema(RuleSetPatchSchema, { io: 'input', unrepresentable: 'throw' }) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.required).toEqual(['id', 'version']);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['remove', 'add', 'replace', 'scoring', 'facts', 'provenance']),
    );
  });

  it('accepts a patch written as JSON', () => {
    const patch = {
      id: 'qinzhou-2021',
      version: '1.0.0',
      remove: ['s-heating'],
      add: [
        {
          to: 'policing',
          standard: {
            id: 's-patrol',
            title: { zh: '巡逻' },
            condition: { fact: 'x', operator: 'equal', value: 1 },
          },
        },
      ],
      scoring: { threshold: 0.9 },
      effective: null,
    };
    expect(RuleSetPatchSchema.safeParse(JSON.parse(JSON.stringify(patch))).success).toBe(true);
  });
});
