import { isIsoDate } from '@sunshine-rubric/core/internal';

// The text form of the evidence an estate lists in a cell, one document a line, as a person types it in
// Excel or WPS: `建设用地批准文件：用地批复.pdf；2019-04-02；sha256:…；备注：原件存档`. Both the self-check
// workbook (written and read) and the result workbook and forms (written) use it, so it lives here.

/** One document cited as evidence: core's `EvidenceEntry`, as an assessment holds it. */
export interface EvidenceLineEntry {
  readonly kind: string;
  readonly name: string;
  readonly hash?: string | undefined;
  readonly date?: string | undefined;
  readonly note?: string | undefined;
}

/** A line of a cell that is not an entry: its number (1-based) and what is wrong, in words. */
export interface EvidenceLineProblem {
  readonly line: number;
  readonly message: string;
}

/** What a cell of evidence lines reads as: every entry, or the problems of the lines that are not. */
export interface EvidenceLines {
  readonly entries: EvidenceLineEntry[];
  readonly problems: EvidenceLineProblem[];
}

const kindSeparator = /[:：]/;
const fieldSeparator = /[;；]/;
const hashField = /^sha256\s*[:：]\s*(.*)$/i;
const hexDigits = /^[0-9a-fA-F]{64}$/;
const noteField = /^(?:备注|note)\s*[:：]/i;
// 2019-04-02, 2019-4-2, 2019/4/2, 2019.4.2, 2019年4月2日: what people type in a Chinese spreadsheet.
const dateField = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const entryFields = ['kind', 'name', 'hash', 'date', 'note'] as const;

/**
 * Reads a cell's evidence lines. Blank lines are skipped; a line that starts with `{` is one entry as
 * JSON (what the export writes when a text would not survive the plain form); every other line is
 * `种类：名称` followed by `；`-separated fields in any order — a date (`2019-04-02`, `2019/4/2`,
 * `2019年4月2日`), a hash (`sha256:<64 hex digits>`) and a note, which is the first other field (or one
 * written `备注：…`) and runs to the end of the line. ASCII `:` and `;` work as well as the full-width ones.
 */
export function parseEvidenceLines(text: string): EvidenceLines {
  const entries: EvidenceLineEntry[] = [];
  const problems: EvidenceLineProblem[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '') return;
    const read = line.startsWith('{') ? parseJsonLine(line) : parsePlainLine(line);
    if (typeof read === 'string') problems.push({ line: index + 1, message: read });
    else entries.push(read);
  });
  return { entries, problems };
}

/**
 * The lines that {@link parseEvidenceLines} reads back as exactly these entries: the plain form where it
 * round-trips, else the entry as a JSON line (a name with `；`, a kind with `：`, a line break, spaces at
 * either end…).
 */
export function formatEvidenceLines(entries: readonly EvidenceLineEntry[]): string {
  return entries.map(formatEvidenceLine).join('\n');
}

/** One entry as a line: plain when it reads back the same, JSON otherwise. */
export function formatEvidenceLine(entry: EvidenceLineEntry): string {
  const plain = plainLine(entry);
  if (!/[\r\n]/.test(plain) && !plain.trim().startsWith('{')) {
    const back = parsePlainLine(plain.trim());
    if (typeof back !== 'string' && sameEntry(back, entry)) return plain;
  }
  const ordered: Record<string, string> = {};
  for (const field of entryFields) {
    const value = entry[field];
    if (value !== undefined) ordered[field] = value;
  }
  return JSON.stringify(ordered);
}

function plainLine(entry: EvidenceLineEntry): string {
  return [
    `${entry.kind}：${entry.name}`,
    ...(entry.date !== undefined ? [entry.date] : []),
    ...(entry.hash !== undefined ? [entry.hash] : []),
    ...(entry.note !== undefined ? [`备注：${entry.note}`] : []),
  ].join('；');
}

function sameEntry(left: EvidenceLineEntry, right: EvidenceLineEntry): boolean {
  return entryFields.every((field) => left[field] === right[field]);
}

function parsePlainLine(line: string): EvidenceLineEntry | string {
  const colon = kindSeparator.exec(line);
  if (colon === null) {
    return 'expected 种类：名称 (the kind of document, a colon, its name), then ；date ；sha256:… ；note if any';
  }
  const kind = line.slice(0, colon.index).trim();
  const rest = line.slice(colon.index + 1);
  let end = nextSeparator(rest, 0);
  const name = rest.slice(0, end).trim();
  if (kind === '') return 'the kind of document (before the colon) is blank';
  if (name === '') return `the name of the ${kind} document (after the colon) is blank`;
  const entry: MutableEntry = { kind, name };
  while (end < rest.length) {
    const start = end + 1;
    end = nextSeparator(rest, start);
    const field = rest.slice(start, end).trim();
    const noteStart = noteField.exec(field);
    if (noteStart !== null || !isKnownField(field)) {
      // The note runs to the end of the line, separators included, so a note may hold a ；.
      const note = rest.slice(start).trim();
      entry.note = (noteStart !== null ? note.slice(noteStart[0].length) : note).trim();
      break;
    }
    if (field === '') continue;
    const problem = readKnownField(field, entry);
    if (problem !== undefined) return problem;
  }
  return entry;
}

type MutableEntry = { -readonly [Field in keyof EvidenceLineEntry]: EvidenceLineEntry[Field] };

/** The index of the next field separator at or after `from`, or the text's length. */
function nextSeparator(text: string, from: number): number {
  const found = text.slice(from).search(fieldSeparator);
  return found === -1 ? text.length : from + found;
}

function isKnownField(field: string): boolean {
  return field === '' || hashField.test(field) || dateField.test(field);
}

function readKnownField(field: string, entry: MutableEntry): string | undefined {
  const hash = hashField.exec(field);
  if (hash !== null) {
    const digits = (hash[1] ?? '').trim();
    if (!hexDigits.test(digits)) {
      return `the hash ${JSON.stringify(field)} is not sha256: followed by 64 hexadecimal digits`;
    }
    if (entry.hash !== undefined) return 'two hashes on one line: one document a line';
    entry.hash = `sha256:${digits.toLowerCase()}`;
    return undefined;
  }
  const [, year, month, day] = dateField.exec(field)!;
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  if (!isIsoDate(date)) return `${JSON.stringify(field)} is not a date of the calendar`;
  if (entry.date !== undefined) return 'two dates on one line: one document a line';
  entry.date = date;
  return undefined;
}

function parseJsonLine(line: string): EvidenceLineEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'a line that starts with { is one entry as JSON, and this is not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'a line that starts with { is one entry as a JSON object';
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !(entryFields as readonly string[]).includes(key));
  if (unknown.length > 0) {
    return `unknown field ${JSON.stringify(unknown[0])} (fields: ${entryFields.join(', ')})`;
  }
  const entry: Record<string, string> = {};
  for (const field of entryFields) {
    const fieldValue = record[field];
    if (fieldValue === undefined) continue;
    if (typeof fieldValue !== 'string') return `"${field}" is text`;
    entry[field] = fieldValue;
  }
  if (entry.kind === undefined || entry.kind.trim() === '') return '"kind" is blank';
  if (entry.name === undefined || entry.name.trim() === '') return '"name" is blank';
  if (entry.hash !== undefined && !/^sha256:[0-9a-f]{64}$/.test(entry.hash)) {
    return '"hash" is sha256: followed by 64 lowercase hexadecimal digits';
  }
  if (entry.date !== undefined && !isIsoDate(entry.date)) return '"date" is a date written YYYY-MM-DD';
  return entry as unknown as EvidenceLineEntry;
}
