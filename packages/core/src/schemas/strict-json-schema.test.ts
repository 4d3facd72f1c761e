import { describe, expect, it } from 'vitest';
import { strictJsonSchema } from './strict-json-schema.js';

const branch = (tag: unknown, required = ['mode']) => ({
  type: 'object',
  properties: { mode: { type: 'string', const: tag } },
  required,
});

describe('strictJsonSchema', () => {
  it('spells a union type as an anyOf of single types, keeping an anyOf already there', () => {
    expect(strictJsonSchema({ description: 'd', type: ['boolean', 'null'] })).toEqual({
      description: 'd',
      anyOf: [{ type: 'boolean' }, { type: 'null' }],
    });
    expect(
      strictJsonSchema({ type: ['string', 'number'], anyOf: [{ minLength: 1 }, { minimum: 0 }] }),
    ).toEqual({
      anyOf: [{ minLength: 1 }, { minimum: 0 }],
      allOf: [{ anyOf: [{ type: 'string' }, { type: 'number' }] }],
    });
  });

  it('drops the pattern of a date or date-time format, and keeps other patterns', () => {
    expect(strictJsonSchema({ type: 'string', format: 'date', pattern: '^long$' })).toEqual({
      type: 'string',
      format: 'date',
    });
    expect(strictJsonSchema({ type: 'string', format: 'email', pattern: '^x$' })).toEqual({
      type: 'string',
      format: 'email',
      pattern: '^x$',
    });
  });

  it('marks a oneOf whose branches each require a distinct string tag, at any depth', () => {
    const schema = { properties: { scoring: { oneOf: [branch('a'), branch('b')] } } };
    expect(strictJsonSchema(schema).properties.scoring).toEqual({
      oneOf: [branch('a'), branch('b')],
      type: 'object',
      discriminator: { propertyName: 'mode' },
    });
  });

  it('marks a oneOf whose branches fix the tag by const or enum', () => {
    const enumBranch = (tags: string[]) => ({
      ...branch('x'),
      properties: { mode: { type: 'string', enum: tags } },
    });
    expect(
      (strictJsonSchema({ oneOf: [branch('a'), enumBranch(['b', 'c'])] }) as { discriminator?: unknown })
        .discriminator,
    ).toEqual({
      propertyName: 'mode',
    });
    expect(
      (strictJsonSchema({ oneOf: [branch('a'), enumBranch(['a', 'c'])] }) as { discriminator?: unknown })
        .discriminator,
    ).toBeUndefined();
  });

  it.each([
    ['a repeated tag', [branch('a'), branch('a')]],
    ['a tag that is not required', [branch('a'), branch('b', [])]],
    ['a tag that is not a string', [branch('a'), branch(1)]],
  ])('leaves a oneOf with %s as it is', (_case, branches) => {
    expect(strictJsonSchema({ oneOf: branches })).toEqual({ oneOf: branches });
  });

  it('does not modify its input', () => {
    const input = { type: ['boolean', 'null'] };
    strictJsonSchema(input);
    expect(input).toEqual({ type: ['boolean', 'null'] });
  });
});
