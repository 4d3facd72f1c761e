// The page that scores with the standalone module alone: `evaluator.mjs`, which the build generates from the
// rule set, is loaded as a file of its own (no eval, no library), so it runs under `script-src 'self'`.
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { type Assessment, type EvaluationResult, evaluate, RubricError, ruleSet } from './evaluator.mjs';

const byId = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found;
};
const sampleSelect = byId('sample') as HTMLSelectElement;
byId('rule-set').textContent = `${ruleSet.id}@${ruleSet.version}`;

for (const [key, sample] of Object.entries(guangxiSamples)) {
  const option = document.createElement('option');
  option.value = key;
  option.textContent = sample.community.name;
  sampleSelect.append(option);
}

// The verdict in the words of core's verdictInWords (this page uses no library, only the module).
const verdictOf = (result: EvaluationResult): string =>
  result.eligible
    ? '符合申报条件'
    : result.reasons.some((reason) => reason.code === 'SCOPE_UNKNOWN')
      ? '缺少数据，无法判断是否在创建范围'
      : result.inScope
        ? '暂不符合申报条件'
        : '不在创建范围';

function score(assessment: Assessment): void {
  const error = byId('error');
  const shown = byId('result');
  try {
    const result = evaluate(assessment);
    byId('verdict').textContent = verdictOf(result);
    const { met, applicable } = result.compliance;
    byId('compliance').textContent = `适用的 ${applicable} 项标准中符合 ${met} 项`;
    const reasons = result.reasons.map((reason) => {
      const item = document.createElement('li');
      item.textContent = reason.message.zh;
      return item;
    });
    byId('reasons').replaceChildren(...reasons);
    byId('result-json').textContent = JSON.stringify(result, null, 2);
    error.hidden = true;
    shown.hidden = false;
  } catch (thrown) {
    error.textContent = RubricError.isInstance(thrown)
      ? `${thrown.code}: ${thrown.issues.map((issue) => issue.message).join('; ')}`
      : String(thrown);
    error.hidden = false;
    shown.hidden = true;
  }
}

byId('evaluate-sample').addEventListener('click', () =>
  score(guangxiSamples[sampleSelect.value as keyof typeof guangxiSamples]),
);

document.body.dataset.ready = 'true';
