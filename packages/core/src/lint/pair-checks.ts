import { both, negation } from './condition-truth.js';
import { decide, witnessOf } from './decide.js';
import { type LintContext, named, noteUndecided, type StandardInfo } from './lint-context.js';

/**
 * Standards that share a fact, compared by when they are met: one that is met exactly when another is
 * counts the same fact twice in the rate; two that are never met together make the estate choose; one
 * that implies another is worth knowing. Standards that are never met, always met or never applicable
 * are left out (their own finding says why), and pairs whose facts do not overlap cannot relate.
 */
export function checkStandardPairs(context: LintContext): void {
  const comparable = context.standards.filter((info) => info.status === 'varies');
  const byFact = new Map<string, number[]>();
  comparable.forEach((info, index) => {
    for (const fact of info.facts) {
      const readers = byFact.get(fact);
      if (readers) readers.push(index);
      else byFact.set(fact, [index]);
    }
  });
  const seen = new Set<number>();
  comparable.forEach((first, firstIndex) => {
    seen.clear();
    for (const fact of first.facts) {
      for (const secondIndex of byFact.get(fact) ?? []) {
        if (secondIndex <= firstIndex || seen.has(secondIndex)) continue;
        seen.add(secondIndex);
        comparePair(context, first, comparable[secondIndex]!);
      }
    }
  });
}

function comparePair(context: LintContext, first: StandardInfo, second: StandardInfo): void {
  const facts = [...new Set([...first.facts, ...second.facts])];
  const path = second.path;
  const together = decide(context.space, facts, (values) => both(first.met(values), second.met(values)));
  if (noteUndecided(context, 'STANDARDS_CONTRADICT', path, together)) return;
  if (together.kind === 'never') {
    context.findings.push({
      code: 'STANDARDS_CONTRADICT',
      severity: 'warning',
      path,
      message: {
        zh: `标准 ${named(second)} 与标准 ${named(first)} 互相矛盾：没有小区能同时达到两者`,
        en: `standard ${named(second)} contradicts standard ${named(first)}: no estate meets both`,
      },
    });
    return;
  }
  const firstWithout = decide(context.space, facts, (values) =>
    both(first.met(values), negation(second.met(values))),
  );
  const secondWithout = decide(context.space, facts, (values) =>
    both(second.met(values), negation(first.met(values))),
  );
  if (noteUndecided(context, 'STANDARD_IMPLIES', path, firstWithout)) return;
  if (noteUndecided(context, 'STANDARD_IMPLIES', path, secondWithout)) return;
  if (firstWithout.kind === 'never' && secondWithout.kind === 'never') {
    context.findings.push({
      code: 'STANDARDS_EQUIVALENT',
      severity: 'warning',
      path,
      message: {
        zh: `标准 ${named(second)} 与标准 ${named(first)} 总是同时达标或同时未达标：同一事项在达标率中计了两次`,
        en: `standard ${named(second)} is met exactly when standard ${named(first)} is: the rate counts one thing twice`,
      },
    });
    return;
  }
  const [implying, implied, witness] =
    firstWithout.kind === 'never' && secondWithout.kind === 'can'
      ? [first, second, secondWithout.values]
      : secondWithout.kind === 'never' && firstWithout.kind === 'can'
        ? [second, first, firstWithout.values]
        : [];
  if (implying === undefined || implied === undefined || witness === undefined) return;
  context.findings.push({
    code: 'STANDARD_IMPLIES',
    severity: 'info',
    path: implying.path,
    message: {
      zh: `达到标准 ${named(implying)} 的小区必然也达到标准 ${named(implied)}（反之不然，见示例）`,
      en: `every estate that meets standard ${named(implying)} also meets standard ${named(implied)} (not the other way round: see the witness)`,
    },
    witness: witnessOf(context.ruleSet, witness),
  });
}
