import { describe, expect, it } from 'vitest';
import { checkDefineRuleSet } from '../../test/fuzz/checks.js';
import { FUZZ_TIMEOUT } from '../../test/fuzz/contract.js';
import { guangxiDocument } from '../../test/fuzz/documents.js';
import { quarantined } from '../../test/fuzz/hostile-values.js';
import { cloneJson } from '../../test/fuzz/mutate.js';
import { safeDefineRuleSet } from '../index.js';

describe('bugs this suite found, now fixed', { timeout: FUZZ_TIMEOUT }, () => {
  // BUG-1: findExcessiveNesting maps an array to [index, item] pairs with Array#map, which keeps holes;
  // destructuring a hole throws "TypeError: .for is not iterable". safeDefineRuleSet throws instead of
  // returning ok: false.
  it('BUG-1: safeDefineRuleSet([ , ]) returns a result instead of throwing a TypeError', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the bug
    expect(() => safeDefineRuleSet([,])).not.toThrow();
  });

  it('BUG-1: a hole in aspects gives INVALID_RULE_SET, not a TypeError', () => {
    const document = { ...(guangxiDocument as object), aspects: quarantined.sparseArray!() };
    checkDefineRuleSet(document);
  });

  // BUG-2: check-semantics `show()` calls JSON.stringify on the offending value, which throws on BigInt.
  it('BUG-2: a BigInt condition value gives INVALID_RULE_SET, not a TypeError', () => {
    const document = cloneJson(guangxiDocument) as { scope: unknown };
    document.scope = { fact: 'occupied', operator: 'equal', value: 1n };
    checkDefineRuleSet(document);
  });

  // BUG-3: check-semantics interpolates the unvalidated `definition.type` into messages (`this fact is
  // ${type}` in readFactCatalog, `does not apply to ${fact.type} fact` in checkLeaf). A Symbol, a
  // null-prototype object, or an object with an own non-function toString — `{"toString":0}`, valid
  // JSON — throws a TypeError there.
  it('BUG-3: a Symbol fact type (with values) gives INVALID_RULE_SET, not a TypeError', () => {
    const document = cloneJson(guangxiDocument) as { facts: Record<string, unknown> };
    document.facts.extra = { type: Symbol('type'), title: { zh: 'x' }, values: ['a'] };
    checkDefineRuleSet(document);
  });

  it('BUG-3: a fact type of {"toString":0} (valid JSON) gives INVALID_RULE_SET, not a TypeError', () => {
    const document = cloneJson(guangxiDocument) as { facts: Record<string, unknown> };
    document.facts.extra = JSON.parse('{"type":{"toString":0},"title":{"zh":"x"},"values":["a"]}');
    checkDefineRuleSet(document);
  });

  it('BUG-3: the same type on a fact a condition uses fails in the operator-type message too', () => {
    const document = cloneJson(guangxiDocument) as { facts: Record<string, unknown>; scope: unknown };
    document.facts.extra = JSON.parse('{"type":{"toString":0},"title":{"zh":"x"}}');
    document.scope = { fact: 'extra', operator: 'equal', value: true };
    checkDefineRuleSet(document);
  });

  it('BUG-3: a null-prototype fact type (with values) gives INVALID_RULE_SET, not a TypeError', () => {
    const document = cloneJson(guangxiDocument) as { facts: Record<string, unknown> };
    document.facts.extra = { type: Object.create(null), title: { zh: 'x' }, values: ['a'] };
    checkDefineRuleSet(document);
  });

  // BUG-14: no size limit before zod. zod propagates a child's issues with
  // `issues.push(...prefixIssues(index, child.issues))`; a child with ~125,000+ issues overflows the stack
  // in that spread, so safeDefineRuleSet throws "RangeError: Maximum call stack size exceeded" on a ~300 KB
  // JSON document. Below that, 100,000 wrong items take 0.5–2.3 s to reject (one issue each).
  it('BUG-14: 130,000 wrong requirements give INVALID_RULE_SET, not a RangeError', {
    timeout: 30_000,
  }, () => {
    const document = JSON.parse(`{"aspects":[{"requirements":[${new Array(130_000).fill(0).join(',')}]}]}`);
    expect(() => safeDefineRuleSet(document)).not.toThrow();
  });

  // BUG-4: findExcessiveNesting walks every path, not every node: a document with shared subtrees (a DAG,
  // as YAML anchors/aliases or JS code produce) costs 2^depth. Depth 30 hangs for minutes; the depth limit
  // (64) does not help because each path stays short. Counted with a Proxy so the test is fast and exact.
  it('BUG-4: a shared subtree is visited once per node, not once per path', () => {
    let visits = 0;
    let node: unknown = {};
    const levels = 16;
    for (let level = 0; level < levels; level++) {
      node = new Proxy(
        { a: node, b: node },
        {
          ownKeys: (target) => {
            visits += 1;
            return Reflect.ownKeys(target);
          },
        },
      );
    }
    safeDefineRuleSet({ ...(guangxiDocument as object), unknownField: node });
    // 16 distinct nodes; a linear walk enumerates each a few times at most, the path walk 2^16 times.
    expect(visits).toBeLessThan(levels * 10);
  });
});
