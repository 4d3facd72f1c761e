// Writes the self-check and result workbooks of a Guangxi sample to a folder, for
// scripts/convert-workbooks.sh (which converts them with LibreOffice) and for people to open by hand.
// Usage: tsx --conditions=@sunshine-rubric/source packages/guangxi/test/export-sample-workbooks.ts <dir> [sample]
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluate } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { exportResultWorkbook, exportSelfCheckWorkbook } from '@sunshine-rubric/workbook';

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
console.log(`wrote self-check.xlsx and result.xlsx for ${assessment.id} to ${directory}`);
