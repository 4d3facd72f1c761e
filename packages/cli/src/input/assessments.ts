import { type Assessment, type EvaluationResult, RubricError, type RuleSet } from '@sunshine-rubric/core';
import { inputPath, type RunContext } from '../io/run-context.js';
import { shownInput } from '../io/terminal-safe.js';
import { oneLine, rubricCliError } from './describe-error.js';
import { readJsonFile } from './read-json.js';
import { defaultRuleSetId, loadRuleSet } from './rule-sets.js';

/** One assessment file, evaluated. */
export interface EvaluatedFile {
  /** The file as the user named it. */
  readonly source: string;
  readonly assessment: Assessment;
  readonly ruleSet: RuleSet;
  readonly result: EvaluationResult;
}

/**
 * Reads an assessment file and evaluates it against `--rule-set`, else the rule set the assessment names
 * (`ruleSet`), else `guangxi-2021`. Bad input fails with one line naming the file and the JSON path.
 */
export async function evaluateFile(
  context: RunContext,
  source: string,
  ruleSetReference: string | undefined,
  options: { readonly explain?: boolean } = {},
): Promise<EvaluatedFile> {
  const json = await readJsonFile(inputPath(context, source), source);
  const ruleSet = await ruleSetFor(context, json, source, ruleSetReference);
  const evaluator = context.registry.compile(ruleSet);
  try {
    // Parsed JSON, not yet checked: the evaluator checks the assessment itself (INVALID_ASSESSMENT).
    const result = evaluator.evaluate(json as Assessment, { explain: options.explain ?? true });
    return { source, assessment: json as Assessment, ruleSet, result };
  } catch (error) {
    if (RubricError.isInstance(error)) throw rubricCliError(error, source);
    throw error;
  }
}

/** The rule set for an assessment: the option's, else the one the assessment names, else the default. */
export async function ruleSetFor(
  context: RunContext,
  json: unknown,
  source: string,
  ruleSetReference: string | undefined,
): Promise<RuleSet> {
  if (ruleSetReference !== undefined) return cachedRuleSet(context, ruleSetReference);
  const named = namedRuleSet(json);
  if (named === undefined) return cachedRuleSet(context, defaultRuleSetId);
  try {
    return context.registry.resolve(named);
  } catch (error) {
    if (!RubricError.isInstance(error)) throw error;
    throw rubricCliError(
      error,
      source,
      `${shownInput(source)} $.ruleSet: ${oneLine(error.issues[0]?.message ?? error.message)}; name a rule set with --rule-set (${error.code})`,
    );
  }
}

/** `loadRuleSet`, once per reference in a run. */
function cachedRuleSet(context: RunContext, reference: string): Promise<RuleSet> {
  let loaded = context.ruleSets.get(reference);
  if (!loaded) {
    loaded = loadRuleSet(context.registry, reference, context.io.cwd);
    context.ruleSets.set(reference, loaded);
  }
  return loaded;
}

/** The `ruleSet` an assessment names, when it names one. */
export function namedRuleSet(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const named = (json as { ruleSet?: unknown }).ruleSet;
  return typeof named === 'string' ? named : undefined;
}
