import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromJsonRulesEngineRules } from '../src/json-rules-engine/index.js';
import type { FactDefinition } from '../src/rule-set/types.js';

// docs/migrating-from-json-rules-engine.md walks json-rules-engine's examples through the import: its rules,
// as printed, must convert as the guide says.
const guide = readFileSync(
  new URL('../../../docs/migrating-from-json-rules-engine.md', import.meta.url),
  'utf8',
);
const blocks = [...guide.matchAll(/```json\n([\s\S]*?)\n```/g)].map(
  (match) => JSON.parse(match[1]!) as unknown,
);
const rules = blocks.filter((block) => typeof block === 'object' && block !== null && 'conditions' in block);
const identity = { id: 'guide-example', version: '1.0.0', title: { zh: '指南示例' } };
const integer = (zh: string): FactDefinition => ({ type: 'integer', title: { zh } });
const number = (zh: string): FactDefinition => ({ type: 'number', title: { zh } });

describe('docs/migrating-from-json-rules-engine.md', () => {
  it('prints the rules of examples 01, 02, 08 (as written and fixed) and 10', () => {
    expect(rules).toHaveLength(5);
  });

  it('example 01 converts with its printed catalog, noting the dropped event', () => {
    const catalog = blocks[blocks.indexOf(rules[0]) + 1] as Record<string, FactDefinition>;
    const imported = fromJsonRulesEngineRules([rules[0]], { ...identity, facts: catalog });
    expect(imported.ok).toBe(true);
    expect(imported.notes.map((note) => [note.path, note.kind])).toEqual([[[0, 'event'], 'event-dropped']]);
    expect(imported.draft.aspects[0]?.requirements[0]?.id).toBe('rule-1-requirement');
  });

  it('example 02 converts, noting its two condition names', () => {
    const facts = { gameDuration: integer('比赛时长'), personalFoulCount: integer('个人犯规次数') };
    const imported = fromJsonRulesEngineRules([rules[1]], { ...identity, facts });
    expect(imported.ok).toBe(true);
    expect(
      imported.notes.filter((note) => note.kind === 'condition-name-dropped').map((note) => note.path),
    ).toEqual([
      [0, 'conditions', 'any', 0, 'name'],
      [0, 'conditions', 'any', 1, 'name'],
    ]);
  });

  it('example 08 as written reports its six problems; rewritten with scalar facts it converts', () => {
    const facts = { customerBalance: number('客户余额'), giftCardPrice: number('礼品卡价格') };
    const asWritten = fromJsonRulesEngineRules([rules[2]], { ...identity, facts });
    expect(asWritten.problems.map((problem) => problem.kind).sort()).toEqual([
      'fact-params',
      'fact-params',
      'path',
      'path',
      'undeclared-fact',
      'undeclared-fact',
    ]);
    expect(fromJsonRulesEngineRules([rules[3]], { ...identity, facts }).ok).toBe(true);
  });

  it('example 10 converts with the printed shared condition, keeping the reference', () => {
    const sharedConditions = blocks[blocks.indexOf(rules[4]) - 1] as Record<string, unknown>;
    const boolean = (zh: string): FactDefinition => ({ type: 'boolean', title: { zh } });
    const facts = {
      drinksOrangeJuice: boolean('喝橙汁？'),
      enjoysVodka: boolean('喜欢伏特加？'),
      isSociable: boolean('善于交际？'),
    };
    const imported = fromJsonRulesEngineRules([rules[4]], {
      ...identity,
      facts,
      conditions: sharedConditions,
    });
    expect(imported.ok).toBe(true);
    expect(imported.draft.formatVersion).toBe(2);
    expect(Object.keys(imported.draft.conditions ?? {})).toEqual(['screwdriverAficionado']);
  });
});
