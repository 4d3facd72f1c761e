// The README's main job: evaluates the bundled sample self-checks against guangxi-2021 and prints the
// verdicts, reasons and the cheapest fixes. Runs from source: `pnpm demo`.
import { compileRuleSet, type EvaluationResult, planRemediation } from '@sunshine-rubric/core';
import { departmentById, guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';

const english = process.argv.includes('--lang=en');
const say = (text: { zh: string; en?: string }) => (english ? (text.en ?? text.zh) : text.zh);
const evaluator = compileRuleSet(guangxi2021);

console.log(`sunshine-rubric demo: ${guangxi2021.id}@${guangxi2021.version} — ${say(guangxi2021.title)}`);
if (guangxi2021.provenance.status === 'provisional') {
  console.log(
    english
      ? 'NOTICE: provisional rule set. The standard wording is drafted by the project, not the official text of the Guangxi standard.'
      : '注意：暂定规则集。标准措辞由项目起草，并非《广西壮族自治区保障性住房小区创建“阳光社区·美丽家园”标准》官方原文。',
  );
}
console.log('');

const rows: string[][] = [['sample', 'estate', 'in scope', 'met/applicable', 'rate', 'verdict']];
const results: [string, EvaluationResult][] = [];
for (const [name, assessment] of Object.entries(guangxiSamples)) {
  const result = evaluator.evaluate(assessment);
  results.push([name, result]);
  const { met, applicable, rate } = result.compliance;
  rows.push([
    name,
    assessment.community.name,
    result.inScope ? 'yes' : 'no',
    `${met}/${applicable}`,
    `${(rate * 100).toFixed(1)}%`,
    result.eligible ? 'ELIGIBLE' : 'not eligible',
  ]);
}
printTable(rows);

for (const [name, result] of results) {
  if (result.eligible) continue;
  console.log(`\n${name}:`);
  for (const reason of result.reasons) console.log(`  - ${reason.code}: ${say(reason.message)}`);
  const plan = planRemediation(guangxi2021, result);
  if (!plan.feasible) {
    console.log(`  remediation: none possible (${plan.blockedBy})`);
    continue;
  }
  console.log(`  cheapest fixes (${plan.steps.length} standards):`);
  for (const [department, standardIds] of Object.entries(plan.byResponsible)) {
    const title = departmentById(department)?.title;
    console.log(`    ${title ? say(title) : department}: ${standardIds.join(', ')}`);
  }
}

function printTable(table: string[][]): void {
  const width = (text: string) =>
    [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => width(row[column]!))));
  for (const row of table)
    console.log(row.map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell))).join('  '));
}
