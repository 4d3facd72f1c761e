import { type Assessment, compileRuleSet } from '@sunshine-rubric/core';
import { provisionalNotice } from '@sunshine-rubric/core/words';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { exportSelfCheckWorkbook, importSelfCheckWorkbook } from '@sunshine-rubric/workbook';
import { type ResultView, showError, showResult } from './render-result.js';

const ruleSet = guangxi2021;
const evaluator = compileRuleSet(ruleSet); // once; every evaluation after this is synchronous

const byId = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found;
};
const view: ResultView = {
  result: byId('result'),
  verdict: byId('verdict'),
  estate: byId('estate'),
  compliance: byId('compliance'),
  reasons: byId('reasons'),
  standards: byId('standards'),
  error: byId('error'),
};
const sampleSelect = byId('sample') as HTMLSelectElement;
const workbookInput = byId('workbook') as HTMLInputElement;

// Every output built from a provisional rule set says so.
const provisional = provisionalNotice(ruleSet, 'zh');
if (provisional) {
  const notice = byId('notice');
  notice.textContent = provisional;
  notice.hidden = false;
}

for (const [key, sample] of Object.entries(guangxiSamples)) {
  const option = document.createElement('option');
  option.value = key;
  option.textContent = sample.community.name;
  sampleSelect.append(option);
}

const selectedSample = (): Assessment => guangxiSamples[sampleSelect.value as keyof typeof guangxiSamples];

function score(assessment: Assessment): void {
  try {
    showResult(view, ruleSet, assessment, evaluator.evaluate(assessment));
  } catch (error) {
    showError(view, error);
  }
}

byId('evaluate-sample').addEventListener('click', () => score(selectedSample()));

workbookInput.addEventListener('change', async () => {
  const file = workbookInput.files?.[0];
  if (!file) return;
  try {
    score(await importSelfCheckWorkbook(ruleSet, await file.arrayBuffer()));
  } catch (error) {
    showError(view, error);
  }
  workbookInput.value = '';
});

byId('download-form').addEventListener('click', async () => {
  const assessment = selectedSample();
  let bytes: Uint8Array;
  try {
    bytes = await exportSelfCheckWorkbook(ruleSet, { assessment });
  } catch (error) {
    showError(view, error);
    return;
  }
  // A plain ArrayBuffer backs the bytes; TypeScript's DOM types want that said for a Blob.
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `自查表-${assessment.id}.xlsx`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
});

document.body.dataset.ready = 'true';
