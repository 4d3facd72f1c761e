import { type Assessment, type EvaluationResult, RubricError, type RuleSet } from '@sunshine-rubric/core';
import {
  explanationInWords,
  focusInWords,
  outcomeNames,
  percentInWords,
  resultMark,
  verdictInWords,
} from '@sunshine-rubric/core/words';

/** The page's elements that show a result or an error. */
export interface ResultView {
  readonly result: HTMLElement;
  readonly verdict: HTMLElement;
  readonly estate: HTMLElement;
  readonly compliance: HTMLElement;
  readonly reasons: HTMLElement;
  readonly standards: HTMLElement;
  readonly error: HTMLElement;
}

/** An element with text content only: estate names and fact values never become markup. */
function element(tag: string, text: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Shows the verdict, the reasons, and every standard that is not met with its explanation in words. */
export function showResult(
  view: ResultView,
  ruleSet: RuleSet,
  assessment: Assessment,
  result: EvaluationResult,
): void {
  view.error.hidden = true;
  view.verdict.textContent = verdictInWords(result).zh;
  view.verdict.className = result.eligible ? 'eligible' : 'not-eligible';
  view.estate.textContent = `${assessment.community.name}（${assessment.id}）`;
  const { met, applicable, rate } = result.compliance;
  // The focus is said beside the verdict, never in it: it does not change eligibility.
  const focus = focusInWords(result);
  view.compliance.textContent = `适用的 ${applicable} 项标准中符合 ${met} 项（${percentInWords(rate)}）${focus ? `；${focus.zh}` : ''}`;
  view.reasons.replaceChildren(...result.reasons.map((reason) => element('li', reason.message.zh)));
  const standardsById = new Map(
    ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) =>
        requirement.standards.map((standard) => [standard.id, standard] as const),
      ),
    ),
  );
  const open = result.standards.filter(
    (standard) => standard.outcome === 'unmet' || standard.outcome === 'missing-data',
  );
  view.standards.replaceChildren(
    ...open.map((standard) => {
      const details = document.createElement('details');
      details.dataset.standard = standard.id;
      const definition = standardsById.get(standard.id);
      const summary = `${standard.id} ${definition?.title.zh ?? ''} — ${outcomeNames[standard.outcome].zh}`;
      details.append(element('summary', summary));
      // With the standard, values its author drafted are marked （草拟值）.
      for (const line of explanationInWords(standard.explanation, ruleSet, definition)) {
        details.append(
          element('div', `${'  '.repeat(line.depth)}${resultMark(line.result)} ${line.text.zh}`, 'line'),
        );
      }
      return details;
    }),
  );
  view.result.hidden = false;
}

/** Shows what went wrong: for the library's errors, the code and every issue with its path. */
export function showError(view: ResultView, error: unknown): void {
  view.result.hidden = true;
  view.error.hidden = false;
  if (RubricError.isInstance(error)) {
    const issues = error.issues.map((issue) => `${issue.path.join('.') || '(文件)'}：${issue.message}`);
    view.error.textContent = [error.code, ...issues].join('\n');
  } else {
    view.error.textContent = error instanceof Error ? error.message : String(error);
  }
}
