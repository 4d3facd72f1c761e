import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Assessment,
  defineRuleSet,
  evaluate,
  extendRuleSet,
  type FactType,
  issueKinds,
  MAX_CONDITION_DEPTH,
  type Outcome,
  type ReasonCode,
  type RuleSet,
  type RuleSetPatch,
  safeDefineRuleSet,
} from '../src/index.js';
import {
  MAX_DOCUMENT_DEPTH,
  MAX_DOCUMENT_ENTRIES,
  MAX_DOCUMENT_NODES,
  MAX_STANDARDS,
} from '../src/reading/structure-depth.js';
import { MAX_PLAN_CELLS, MAX_PLAN_TABLE_CELLS } from '../src/remediation/knapsack-cover.js';
import { EvaluationResultSchema } from '../src/result/schema.js';
import { builtInOperators } from '../src/rule-set/operators.js';

// docs/rule-set-format.md is the prose reference of the format. Its JSON blocks that are whole documents
// carry a marker on the line before the fence; this test runs them, so the guide's examples stay true.
const guideUrl = new URL('../../../docs/rule-set-format.md', import.meta.url);
const guide = readFileSync(guideUrl, 'utf8');
const sourceText = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

interface Block {
  readonly marker: string | undefined;
  readonly json: string;
  readonly line: number;
}

/** Every ```json block of the guide, with the `<!-- … -->` marker on the line before its fence, if any. */
function jsonBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]!.trim() !== '```json') continue;
    const marker = /^<!--\s*(.+?)\s*-->$/.exec(lines[index - 1]?.trim() ?? '')?.[1];
    const end = lines.findIndex((line, position) => position > index && line.trim() === '```');
    if (end < 0) throw new Error(`the json block at line ${index + 1} is never closed`);
    blocks.push({ marker, json: lines.slice(index + 1, end).join('\n'), line: index + 1 });
    index = end;
  }
  return blocks;
}

type Kind = 'rule-set' | 'assessment' | 'result' | 'patch';

interface Marked {
  readonly kind: Kind;
  /** The rule set's id (assessment, patch) or the assessment's id (result) the block belongs to. */
  readonly of: string | undefined;
  readonly document: Record<string, unknown>;
  readonly line: number;
}

const blocks = jsonBlocks(guide);
const marked: Marked[] = blocks.flatMap((block) => {
  if (block.marker === undefined) return [];
  const match = /^(rule-set|assessment|result|patch)(?::\s*(\S+))?$/.exec(block.marker);
  if (!match) throw new Error(`unknown marker <!-- ${block.marker} --> at line ${block.line}`);
  return [
    {
      kind: match[1] as Kind,
      of: match[2],
      document: JSON.parse(block.json) as Record<string, unknown>,
      line: block.line,
    },
  ];
});
const ofKind = (kind: Kind) => marked.filter((block) => block.kind === kind);

// The valid ones; the tests below report an invalid one with its issues.
const ruleSets = new Map<string, RuleSet>();
for (const block of ofKind('rule-set')) {
  const defined = safeDefineRuleSet(block.document);
  if (defined.ok) ruleSets.set(defined.value.id, defined.value);
}
const ruleSetFor = (block: Marked): RuleSet => {
  const ruleSet = block.of === undefined ? undefined : ruleSets.get(block.of);
  if (!ruleSet) throw new Error(`line ${block.line}: no rule-set block has id ${String(block.of)}`);
  return ruleSet;
};

/** The guide's wording: code spans, as `name` appears in the text. */
const mentions = (name: string) => guide.includes(`\`${name}\``);

describe('docs/rule-set-format.md: its examples', () => {
  it('has every kind of marked block, and starts with a rule set and an assessment of it', () => {
    expect(ofKind('rule-set').length).toBeGreaterThan(0);
    expect(ofKind('assessment').length).toBeGreaterThan(0);
    expect(ofKind('patch').length).toBeGreaterThan(0);
    const [first, second] = blocks;
    expect(first?.marker).toBe('rule-set');
    const firstId = (JSON.parse(first!.json) as { id: string }).id;
    expect(second?.marker).toBe(`assessment: ${firstId}`);
  });

  it('writes every json block, marked or not, as valid JSON', () => {
    for (const block of blocks) expect(() => JSON.parse(block.json), `line ${block.line}`).not.toThrow();
  });

  it.each(ofKind('rule-set').map((block) => [block.document.id as string, block]))(
    'rule set %s passes defineRuleSet',
    (_id, block) => {
      expect(() => defineRuleSet(block.document)).not.toThrow();
    },
  );

  it('gives each rule-set block an id of its own', () => {
    const ids = ofKind('rule-set').map((block) => block.document.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ofKind('assessment').map((block) => [block.document.id as string, block]))(
    'assessment %s evaluates against its rule set, with the verdict the guide states',
    (id, block) => {
      const ruleSet = ruleSetFor(block);
      if (typeof block.document.ruleSet === 'string') {
        expect(block.document.ruleSet.split('@')[0]).toBe(ruleSet.id);
      }
      const result = evaluate(ruleSet, block.document as Assessment);
      const stated = ofKind('result').filter((candidate) => candidate.of === id);
      expect(stated, `a <!-- result: ${id} --> block states the verdict`).toHaveLength(1);
      expect(result).toMatchObject(stated[0]!.document);
      expect(typeof stated[0]!.document.eligible).toBe('boolean');
    },
  );

  it('states results only of assessments it shows', () => {
    const assessmentIds = ofKind('assessment').map((block) => block.document.id);
    for (const block of ofKind('result')) expect(assessmentIds).toContain(block.of);
  });

  it.each(ofKind('patch').map((block) => [block.document.id as string, block]))(
    'patch %s passes extendRuleSet on its base, as the guide describes',
    (_id, block) => {
      const base = ruleSetFor(block);
      const patch = block.document as RuleSetPatch;
      const variant = extendRuleSet(base, patch);
      expect(variant.id).toBe(patch.id);
      expect(variant.extends).toBe(`${base.id}@${base.version}`);
      if (patch.provenance?.status === undefined) {
        expect(variant.provenance.status).toBe(base.provenance.status);
      }
      if (patch.scoring !== undefined && patch.scoring.mode === undefined) {
        expect(variant.scoring).toEqual({ ...base.scoring, ...patch.scoring });
      }
    },
  );
});

describe('docs/rule-set-format.md: its prose', () => {
  it('names every built-in operator and every fact type', () => {
    for (const operator of builtInOperators) expect(mentions(operator.name), operator.name).toBe(true);
    const factTypes: readonly FactType[] = ['boolean', 'integer', 'number', 'string', 'date', 'enum'];
    for (const type of factTypes) expect(mentions(type), type).toBe(true);
  });

  it('lists the fact types each ordering operator takes as the code does', () => {
    const ordering = builtInOperators.filter((operator) => operator.name.includes('Than'));
    for (const operator of ordering) {
      const row = guide.split('\n').find((line) => line.startsWith(`| \`${operator.name}\` |`));
      expect(row, operator.name).toBeDefined();
      const types = row!.split('|')[2]!;
      for (const type of operator.factTypes) expect(types, operator.name).toContain(`\`${type}\``);
    }
  });

  it('names every outcome and every reason code', () => {
    const outcomes: readonly Outcome[] = ['met', 'unmet', 'not-applicable', 'missing-data'];
    for (const outcome of outcomes) expect(mentions(outcome), outcome).toBe(true);
    const reasonCodes: readonly ReasonCode[] =
      EvaluationResultSchema.shape.reasons.element.shape.code.options;
    expect(reasonCodes.length).toBeGreaterThan(0);
    for (const code of reasonCodes) expect(mentions(code), code).toBe(true);
  });

  it('names every kind of issue defineRuleSet and evaluate report', () => {
    const kinds = new Set<string>();
    const knownKinds = new Set(Object.values(issueKinds).flatMap((table) => Object.keys(table)));
    for (const file of [
      '../src/rule-set/check-semantics.ts',
      '../src/rule-set/check-fact-value.ts',
      '../src/rule-set/check-shared-conditions.ts',
      '../src/reading/structure-depth.ts',
      '../src/assessment/read-facts.ts',
      '../src/variants/extend-rule-set.ts',
      '../src/variants/patch-schema.ts',
    ]) {
      // An issue's kind is written `kind: '…'`, or as the last argument of addIssue (a literal ending a call).
      for (const match of sourceText(file).matchAll(/kind: '([a-z-]+)'|'([a-z-]+)',?\s*\);/g)) {
        const kind = match[1] ?? match[2]!;
        if (match[1] !== undefined || knownKinds.has(kind)) kinds.add(kind);
      }
    }
    expect(kinds.size).toBeGreaterThan(10);
    for (const kind of kinds) expect(mentions(kind), kind).toBe(true);
  });

  it('names every kind of issue a patch is rejected with', () => {
    // edit-items.ts passes each kind as the last argument of problem(path, message, kind).
    const source = sourceText('../src/variants/edit-items.ts');
    const kinds = new Set<string>();
    for (const call of source.matchAll(/(?<!function )problem\(/g)) {
      let depth = 1;
      let end = call.index + call[0].length;
      for (; depth > 0 && end < source.length; end++) {
        if (source[end] === '(') depth++;
        else if (source[end] === ')') depth--;
      }
      const lastArgument = /,\s*([^,`]*'[a-z-]+'[^,`]*?),?\s*\)$/.exec(source.slice(call.index, end))?.[1];
      for (const kind of lastArgument?.matchAll(/'([a-z-]+)'/g) ?? []) kinds.add(kind[1]!);
    }
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining(['duplicate', 'duplicate-id', 'unknown-id', 'wrong-kind', 'wrong-parent']),
    );
    for (const kind of kinds) expect(mentions(kind), kind).toBe(true);
  });

  it('gives the limits the code applies', () => {
    expect(guide).toContain(`at most ${MAX_CONDITION_DEPTH} levels`);
    expect(guide).toContain(`${MAX_DOCUMENT_DEPTH} or more levels below the document's root`);
    expect(guide).toContain(`more than ${MAX_DOCUMENT_ENTRIES.toLocaleString('en')} entries`);
    expect(guide).toContain(`${MAX_DOCUMENT_NODES.toLocaleString('en')} objects and lists`);
    expect(guide).toContain(`at most ${MAX_STANDARDS.toLocaleString('en')} standards (\`MAX_STANDARDS\``);
    expect(guide).toContain(`Above ${MAX_PLAN_CELLS.toLocaleString('en')} cells (\`MAX_PLAN_CELLS\`)`);
    expect(guide).toContain(`or ${MAX_PLAN_TABLE_CELLS.toLocaleString('en')} cells in one`);
  });

  it('links only to headings it has', () => {
    const slug = (heading: string) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
    const anchors = new Set(
      guide
        .split('\n')
        .filter((line) => /^#{1,6} /.test(line))
        .map((line) => slug(line.replace(/^#+ /, ''))),
    );
    const links = [...guide.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(anchors, link).toContain(link);
  });
});
