import type { EvaluationResult, RuleSet, Text } from '@sunshine-rubric/core';
import { focusInWords, resultMark, say } from '@sunshine-rubric/core/words';
import { departmentById } from '@sunshine-rubric/guangxi';
import type { Language } from './language.js';

/** Bilingual text, written inline: `text('符合', 'met')`. */
export function text(zh: string, en: string): Text {
  return { zh, en };
}

/** The title of a responsible department (the Guangxi department list), or its id when unknown. */
export function departmentTitle(id: string, language: Language): string {
  if (id === 'unassigned') return say(text('未指定', 'unassigned'), language);
  const department = departmentById(id);
  return department ? say(department.title, language) : id;
}

/** The line on whether the estate is in the rule set's focus, or undefined for a rule set without one. */
export function focusLine(result: Pick<EvaluationResult, 'inFocus'>, language: Language): string | undefined {
  const words = focusInWords(result);
  if (words === undefined) return undefined;
  return `${say(text('重点', 'Focus'), language)}: ${resultMark(result.inFocus ?? null)} ${say(words, language)}`;
}

/** Looks up the titles of aspects, requirements and standards by id. */
export interface RuleSetIndex {
  readonly aspectTitle: (id: string) => Text;
  readonly requirementTitle: (id: string) => Text;
  readonly standard: (id: string) => RuleSet['aspects'][number]['requirements'][number]['standards'][number];
}

/** An index of a rule set's items by id (ids are unique across a rule set). */
export function indexRuleSet(ruleSet: RuleSet): RuleSetIndex {
  const aspects = new Map<string, Text>();
  const requirements = new Map<string, Text>();
  const standards = new Map<string, ReturnType<RuleSetIndex['standard']>>();
  for (const aspect of ruleSet.aspects) {
    aspects.set(aspect.id, aspect.title);
    for (const requirement of aspect.requirements) {
      requirements.set(requirement.id, requirement.title);
      for (const standard of requirement.standards) standards.set(standard.id, standard);
    }
  }
  return {
    aspectTitle: (id) => aspects.get(id) ?? { zh: id },
    requirementTitle: (id) => requirements.get(id) ?? { zh: id },
    standard: (id) => {
      const found = standards.get(id);
      if (!found) throw new Error(`standard ${id} is not in rule set ${ruleSet.id}`);
      return found;
    },
  };
}
