import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleRuleSet } from '../../test/fixtures.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { createRegistry } from '../plugins/create-registry.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { checkAssessmentEnvelope } from './read-facts.js';
import { AssessmentSchema } from './schema.js';

// Values an envelope field may take, right or wrong for it.
const anyField = fc.oneof(
  fc.constantFrom('a1', '', ' ', '示例小区', '2021-06-15', '2021-06-15T09:30:00+08:00', '2021-02-30', 'x'),
  fc.constantFrom(0, 1.5, true, null, [], {}),
  fc.record({ name: fc.constantFrom('示例小区', '', ' ', 3) }, { requiredKeys: [] }),
  fc.record({ name: fc.constant('示例小区'), district: fc.constantFrom('区', 4), operator: fc.string() }),
);
const hash = `sha256:${'a'.repeat(64)}`;
// Evidence entries right and wrong: each field of the format, blank, malformed or unknown.
const evidenceEntry = fc.oneof(
  fc.record(
    {
      kind: fc.constantFrom('建设用地批准文件', '', ' ', 3),
      name: fc.constantFrom('批复.pdf', '', '\n', null),
      hash: fc.constantFrom(hash, hash.toUpperCase(), 'sha256:abc', `md5:${'a'.repeat(64)}`),
      date: fc.constantFrom('2021-06-15', '2021-02-30', '2021-6-15', 20210615),
      note: fc.constantFrom('说明', 1),
      size: fc.constant(10),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom<unknown>(null, 'entry', []),
);
const evidence = fc.oneof(
  fc.dictionary(
    fc.constantFrom('S01', 'S99', '__proto__', ''),
    fc.oneof(fc.array(evidenceEntry, { maxLength: 3 }), fc.constantFrom<unknown>({}, 'x', null)),
    { maxKeys: 3 },
  ),
  fc.constantFrom<unknown>([], 'evidence', null, 1),
);
const envelope = fc.record(
  {
    evidence,
    id: anyField,
    ruleSet: anyField,
    community: anyField,
    facts: fc.constantFrom({}, [], null, 'facts'),
    assessedAt: anyField,
    $schema: fc.constantFrom('./assessment.json', 1),
    extra: anyField,
  },
  { requiredKeys: [] },
);

describe('checkAssessmentEnvelope', () => {
  it('accepts exactly the envelopes AssessmentSchema accepts', () => {
    fc.assert(
      fc.property(envelope, (input) => {
        const issues = checkAssessmentEnvelope(input);
        expect([issues.length === 0, AssessmentSchema.safeParse(input).success]).toEqual([
          issues.length === 0,
          issues.length === 0,
        ]);
      }),
      { numRuns: 500 },
    );
  });

  it('is the check a registry applies before resolving facts: the same issues as evaluate', async () => {
    const ruleSet = defineRuleSet(sampleRuleSet());
    const registry = createRegistry({
      plugins: [definePlugin({ name: 'rubric', apiVersion: 1, ruleSets: [ruleSet] })],
    });
    const input = { id: '', community: { name: ' ' }, facts: {}, note: 1 };
    const evaluated = (() => {
      try {
        registry.compile(ruleSet).evaluate(input as never);
      } catch (error) {
        return error;
      }
    })();
    await expect(registry.resolveFacts(input, { ruleSet: 'sample-rubric' })).rejects.toMatchObject({
      code: 'INVALID_ASSESSMENT',
      issues: (evaluated as { issues: unknown }).issues,
    });
    expect(checkAssessmentEnvelope(input).map((issue) => issue.path)).toEqual([
      ['id'],
      ['community', 'name'],
      ['note'],
    ]);
  });
});

describe('the evidence of an assessment', () => {
  const base = { id: 'a1', community: { name: '示例' }, facts: {} };
  const pathsOf = (evidence: unknown) =>
    checkAssessmentEnvelope({ ...base, evidence }).map((issue) => [issue.path, issue.kind]);

  it('is an object of standard id to a list of references { kind, name, hash?, date?, note? }', () => {
    const entry = {
      kind: '建设用地批准文件',
      name: '用地批复.pdf',
      hash,
      date: '2021-06-15',
      note: '原件存档',
    };
    expect(pathsOf({ S01: [entry], S02: [] })).toEqual([]);
    expect(AssessmentSchema.safeParse({ ...base, evidence: { S01: [entry] } }).success).toBe(true);
  });

  it('is refused at the exact path of each problem, with the kind invalid-evidence', () => {
    expect(pathsOf([])).toEqual([[['evidence'], 'invalid-evidence']]);
    expect(pathsOf({ S01: { kind: 'x', name: 'y' } })).toEqual([[['evidence', 'S01'], 'invalid-evidence']]);
    expect(pathsOf({ S01: ['x'] })).toEqual([[['evidence', 'S01', 0], 'invalid-evidence']]);
    expect(
      pathsOf({
        S01: [
          { kind: 'ok', name: 'ok' },
          { kind: ' ', name: '', hash: 'sha256:ABC', date: '2021-02-30', note: 1, file: 'data:…' },
        ],
      }),
    ).toEqual([
      [['evidence', 'S01', 1, 'kind'], 'invalid-evidence'],
      [['evidence', 'S01', 1, 'name'], 'invalid-evidence'],
      [['evidence', 'S01', 1, 'hash'], 'invalid-evidence'],
      [['evidence', 'S01', 1, 'date'], 'invalid-evidence'],
      [['evidence', 'S01', 1, 'note'], 'invalid-evidence'],
      [['evidence', 'S01', 1, 'file'], 'invalid-evidence'],
    ]);
    expect(pathsOf({ S01: [{ name: 'y' }] })).toEqual([[['evidence', 'S01', 0, 'kind'], 'invalid-evidence']]);
  });

  it('says what is wrong in words', () => {
    const [issue] = checkAssessmentEnvelope({
      ...base,
      evidence: { S01: [{ kind: 'k', name: 'n', hash: 'x' }] },
    });
    expect(issue?.message).toBe('hash is the content hash written sha256:<64 lowercase hex digits>');
  });
});

describe('an assessment whose $schema is not a string', () => {
  it('is refused by evaluate, as AssessmentSchema refuses it', () => {
    const ruleSet = defineRuleSet(sampleRuleSet());
    const input = { id: 'a1', community: { name: '示例' }, facts: {}, $schema: 1 };
    expect(AssessmentSchema.safeParse(input).success).toBe(false);
    expect(() => compileRuleSet(ruleSet).evaluate(input as never)).toThrow(/\$schema/);
  });
});
