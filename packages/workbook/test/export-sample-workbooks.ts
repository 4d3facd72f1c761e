// Writes the self-check and result workbooks of a Guangxi sample, and the forms (the application form and
// the city's summary table, with an application through the city's review), to a folder, for
// scripts/convert-workbooks.sh (which converts them with LibreOffice) and for people to open by hand.
// Usage: tsx --conditions=@sunshine-rubric/source packages/guangxi/test/export-sample-workbooks.ts <dir> [sample]
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluate } from '@sunshine-rubric/core';
import { foldApplication, summariseSelfCheck } from '@sunshine-rubric/core/workflow';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import {
  applicationFormWorkbook,
  exportResultWorkbook,
  exportSelfCheckWorkbook,
  summaryTableWorkbook,
} from '@sunshine-rubric/workbook';

const [directory, sampleName = 'belowThreshold'] = process.argv.slice(2);
if (!directory) throw new Error('usage: export-sample-workbooks.ts <output directory> [sample name]');
const assessment = guangxiSamples[sampleName as keyof typeof guangxiSamples];
if (!assessment)
  throw new Error(`no sample "${sampleName}" (samples: ${Object.keys(guangxiSamples).join(', ')})`);

await mkdir(directory, { recursive: true });
const result = evaluate(guangxi2021, assessment);
await writeFile(
  join(directory, 'self-check.xlsx'),
  await exportSelfCheckWorkbook(guangxi2021, { assessment }),
);
await writeFile(join(directory, 'result.xlsx'), await exportResultWorkbook(guangxi2021, assessment, result));
// An application needs an eligible self-check: the eligible sample's, through the city's review, fills the
// summary table, and the application form of the sample when it is that one.
const applicant = guangxiSamples.eligible;
const applicantResult = evaluate(guangxi2021, applicant);
const standard = applicantResult.standards.find((candidate) => candidate.outcome === 'met')!.id;
const events = [
  {
    type: 'self-check-completed',
    date: '2021-08-20',
    actor: '物业',
    evaluation: summariseSelfCheck(applicantResult),
  },
  { type: 'applied', date: '2021-09-01', actor: '物业' },
  { type: 'application-received', date: '2021-09-03', actor: '区住建局', tier: 'county' },
  {
    type: 'standard-reviewed',
    date: '2021-10-08',
    actor: '市领导小组',
    tier: 'city',
    standard,
    decision: 'disagree',
    outcome: 'unmet',
    reason: '现场核查未达标',
  },
];
const state = assessment.id === applicant.id ? foldApplication(events, { ruleSet: guangxi2021 }) : undefined;
await writeFile(
  join(directory, 'application-form.xlsx'),
  await applicationFormWorkbook(guangxi2021, assessment, result, state),
);
await writeFile(
  join(directory, 'summary-table.xlsx'),
  await summaryTableWorkbook([{ id: applicant.id, events }], {
    year: 2021,
    ruleSet: guangxi2021,
    communities: { [applicant.id]: applicant.community },
  }),
);
console.log(
  `wrote self-check.xlsx, result.xlsx, application-form.xlsx and summary-table.xlsx for ${assessment.id} to ${directory}`,
);
