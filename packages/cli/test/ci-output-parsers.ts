// How CI reads what `check` writes, for the tests of its output formats: JUnit XML parsed strictly, and
// GitHub workflow command lines parsed as the runner parses them. Shared by the CLI's unit tests and the
// release tests, which read the output of the installed command.
import { createRequire } from 'node:module';

// A strict, conforming XML parser from the workspace (exceljs reads workbooks with it): it rejects
// anything not well-formed, characters XML cannot carry included.
const fromExcelJs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
interface SaxesTag {
  readonly name: string;
  readonly attributes: Record<string, string>;
}
/** The part of saxes' parser used here (its types are not a dependency of this package). */
interface SaxesParser {
  on(event: 'error', handler: (error: Error) => void): void;
  on(event: 'opentag', handler: (tag: SaxesTag) => void): void;
  on(event: 'text', handler: (text: string) => void): void;
  on(event: 'closetag', handler: () => void): void;
  write(chunk: string): { close(): void };
}
const { SaxesParser } = fromExcelJs('saxes') as { SaxesParser: new () => SaxesParser };

/** An element of a parsed XML document: its name, attributes, child elements and text. */
export interface Element {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: Element[];
  text: string;
}

/**
 * Parses XML strictly into a tree; throws on the first well-formedness error.
 *
 * @example
 * ```ts
 * parseXml('<testsuites tests="1"/>').attributes.tests; // '1'
 * ```
 */
export function parseXml(xml: string): Element {
  const parser = new SaxesParser();
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const open: Element[] = [root];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const element: Element = {
      name: tag.name,
      attributes: tag.attributes,
      children: [],
      text: '',
    };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on('text', (value) => {
    open.at(-1)!.text += value;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(xml).close();
  if (failure) throw failure;
  return root.children[0]!;
}

/**
 * Parses a workflow command line as GitHub's runner does: properties split on `,` and `=`, then unescaped;
 * undefined for a line that is not a command.
 *
 * @example
 * ```ts
 * parseCommand('::error file=a.json,line=3::no'); // { command: 'error', properties: { file: 'a.json', line: '3' }, message: 'no' }
 * ```
 */
export function parseCommand(line: string) {
  const match = /^::(\w+) (.*?)::(.*)$/s.exec(line);
  if (!match) return undefined;
  const decode = (value: string) =>
    value
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  const properties = Object.fromEntries(
    match[2]!.split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), decode(pair.slice(at + 1))];
    }),
  );
  return { command: match[1]!, properties, message: decode(match[3]!) };
}
