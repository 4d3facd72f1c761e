import type { Text } from '@sunshine-rubric/core';
import { type ResponsibleName, readResponsible } from './responsible-departments.js';
import type { RowProblem, TableRow } from './standard-table-rows.js';

type StandardRow = Extract<TableRow, { kind: 'standard' }>;

interface RequirementDraft {
  readonly title: string;
  readonly standards: StandardRow[];
}
interface AspectDraft {
  readonly title: string;
  readonly row: number;
  readonly requirements: RequirementDraft[];
}

/** What the document builder needs besides the rows. */
export interface DocumentOptions {
  readonly id: string;
  readonly version: string;
  readonly source: string;
  readonly title?: Text | string;
  readonly threshold?: number;
  readonly minMetPerRequirement?: number;
  readonly passMark?: number;
  readonly notes?: string;
  readonly sheetName: string;
  readonly tableTitle: string | undefined;
}

/** The rule-set document, and the total of 分值 when the table gives points. */
export interface TableDocument {
  readonly document: Record<string, unknown>;
  readonly points: number | undefined;
}

/** Groups the rows into aspects and requirements; a blank or merged cell continues the group above. */
function groupRows(rows: readonly TableRow[], problems: RowProblem[]): AspectDraft[] {
  const aspects: AspectDraft[] = [];
  let aspect: AspectDraft | undefined;
  let requirement: RequirementDraft | undefined;
  for (const row of rows) {
    if (row.kind === 'heading') {
      aspect = { title: row.text, row: row.row, requirements: [] };
      aspects.push(aspect);
      requirement = undefined;
      continue;
    }
    if (row.kind !== 'standard') continue;
    if (!row.aspect.continues && row.aspect.text !== aspect?.title) {
      aspect = { title: row.aspect.text, row: row.row, requirements: [] };
      aspects.push(aspect);
      requirement = undefined;
    }
    if (aspect === undefined) {
      problems.push({
        row: row.row,
        message: 'the 方面 cell is empty and there is no aspect above it',
        kind: 'missing-aspect',
      });
      continue;
    }
    if (!row.requirement.continues && row.requirement.text !== requirement?.title) {
      requirement = { title: row.requirement.text, standards: [] };
      aspect.requirements.push(requirement);
    }
    if (requirement === undefined) {
      problems.push({
        row: row.row,
        message: `the 要求 cell is empty at the start of aspect "${aspect.title}"`,
        kind: 'missing-requirement',
      });
      continue;
    }
    requirement.standards.push(row);
  }
  for (const draft of aspects) {
    if (draft.requirements.length === 0) {
      problems.push({
        row: draft.row,
        message: `aspect "${draft.title}" has no standard below it`,
        kind: 'empty-aspect',
      });
    }
  }
  return aspects;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Standard ids from 序号 when every standard has one and they are unique, else `S01`… in order. */
function standardIds(standards: readonly StandardRow[]): string[] {
  const width = Math.max(2, String(standards.length).length);
  const serials = standards.map((row) => row.serial);
  const fromSerial =
    serials.every((serial) => serial !== '' && serial.length < 90) &&
    new Set(serials).size === serials.length;
  if (!fromSerial) return standards.map((_row, index) => `S${pad(index + 1, width)}`);
  const largest = Math.max(...serials.map((serial) => (/^\d+$/.test(serial) ? serial.length : 0)), 2);
  return serials.map((serial) => `S${/^\d+$/.test(serial) ? serial.padStart(largest, '0') : serial}`);
}

/** Fact ids `s01Met` from standard ids; `s01Met`… in order when the ids do not make valid, unique ones. */
function factIds(ids: readonly string[]): string[] {
  const derived = ids.map((id) => `s${id.slice(1).replace(/[^A-Za-z0-9_]/g, '_')}Met`);
  const valid =
    derived.every((id) => /^[A-Za-z][A-Za-z0-9_]*$/.test(id)) && new Set(derived).size === derived.length;
  const width = Math.max(2, String(ids.length).length);
  return valid ? derived : ids.map((_id, index) => `s${pad(index + 1, width)}Met`);
}

/**
 * Builds the rule-set document of an official table: ids, one yes/no fact per standard, scoring, and
 * notes on how it was imported. Problems (rows without points in a points table, a wrong 合计) are
 * added to `problems`.
 */
export function buildStandardTableDocument(
  rows: readonly TableRow[],
  problems: RowProblem[],
  options: DocumentOptions,
): TableDocument {
  const aspects = groupRows(rows, problems);
  const standardRows = aspects.flatMap((aspect) =>
    aspect.requirements.flatMap((requirement) => requirement.standards),
  );
  const ids = standardIds(standardRows);
  const facts = factIds(ids);
  const position = new Map(standardRows.map((row, index) => [row, index]));
  const allStandardRows = rows.filter((row): row is StandardRow => row.kind === 'standard');
  const pointsTable = allStandardRows.some((row) => row.points !== undefined || row.pointsInvalid);
  const totalPoints = standardRows.reduce((sum, row) => sum + (row.points ?? 0), 0);
  if (pointsTable) {
    for (const row of allStandardRows) {
      if (row.points === undefined && !row.pointsInvalid)
        problems.push({
          row: row.row,
          message: 'the 分值 cell is empty (every standard needs points)',
          kind: 'missing-points',
        });
    }
    for (const row of rows) {
      if (
        row.kind === 'total' &&
        row.points !== undefined &&
        /^(合计|总计|总分)/.test(row.label) &&
        Math.abs(row.points - totalPoints) > 1e-9
      ) {
        problems.push({
          row: row.row,
          message: `合计 says ${row.points} points, but the standards add up to ${totalPoints}`,
          kind: 'wrong-total',
        });
      }
    }
  }
  const responsibleNames: ResponsibleName[] = [];
  const requirementWidth = Math.max(
    2,
    String(aspects.reduce((sum, aspect) => sum + aspect.requirements.length, 0)).length,
  );
  const aspectWidth = String(aspects.length).length;
  let requirementNumber = 0;
  const documentAspects = aspects.map((aspect, aspectIndex) => ({
    id: `A${pad(aspectIndex + 1, aspectWidth)}`,
    title: { zh: aspect.title },
    requirements: aspect.requirements.map((requirement) => {
      requirementNumber += 1;
      return {
        id: `R${pad(requirementNumber, requirementWidth)}`,
        title: { zh: requirement.title },
        standards: requirement.standards.map((row) => {
          const index = position.get(row)!;
          const responsible = readResponsible(row.responsible);
          responsibleNames.push(...responsible);
          const evidence = row.evidence
            .split(/[\n；;、]+/)
            .map((item) => item.trim())
            .filter(Boolean);
          return {
            id: ids[index]!,
            title: { zh: row.standard },
            condition: { fact: facts[index]!, operator: 'equal', value: true },
            ...(row.points !== undefined ? { points: row.points } : {}),
            ...(responsible.length > 0
              ? { responsible: [...new Set(responsible.map((name) => name.id))] }
              : {}),
            ...(evidence.length > 0 ? { evidence } : {}),
            basis:
              row.basis ||
              (row.serial ? `${options.source}，序号 ${row.serial}` : `${options.source}，第 ${row.row} 行`),
          };
        }),
      };
    }),
  }));
  const title = options.title ?? options.tableTitle ?? options.id;
  const document = {
    id: options.id,
    version: options.version,
    title: typeof title === 'string' ? { zh: title } : title,
    provenance: {
      status: 'official',
      source: options.source,
      notes: importNotes(options, standardRows, responsibleNames),
    },
    facts: Object.fromEntries(
      standardRows.map((row, index) => [
        facts[index]!,
        { type: 'boolean', title: { zh: `是否符合：${row.standard}` } },
      ]),
    ),
    scoring: pointsTable
      ? {
          mode: 'points',
          passMark: options.passMark ?? 0,
          minMetPerRequirement: options.minMetPerRequirement ?? 0,
        }
      : {
          mode: 'compliance-rate',
          threshold: options.threshold ?? 0.85,
          minMetPerRequirement: options.minMetPerRequirement ?? 1,
          notApplicable: 'exclude',
        },
    aspects: documentAspects,
  };
  return { document, points: pointsTable ? totalPoints : undefined };
}

function importNotes(
  options: DocumentOptions,
  rows: readonly StandardRow[],
  names: readonly ResponsibleName[],
): string {
  const first = rows[0]?.row ?? 0;
  const last = rows.at(-1)?.row ?? 0;
  const mapped = [...new Map(names.filter((name) => name.mapped).map((name) => [name.name, name.id]))];
  const kept = [...new Set(names.filter((name) => !name.mapped).map((name) => name.name))];
  const lines = [
    ...(options.notes ? [options.notes] : []),
    `由 @sunshine-rubric/guangxi importStandardTable 从「${options.sheetName}」表第 ${first}–${last} 行导入，措辞为表格原文。`,
    '自查事实由导入程序生成：每项标准一个“是否符合”问题（s01Met 等），不是官方文本。',
    ...(mapped.length > 0
      ? [`责任单位对应广西部门编号：${mapped.map(([name, id]) => `${name} → ${id}`).join('；')}。`]
      : []),
    ...(kept.length > 0 ? [`未对应到广西部门、按原文保留为编号的责任单位：${kept.join('、')}。`] : []),
  ];
  return lines.join('\n');
}
