/** One module of a guide's TypeScript: a ```ts block, with any blocks marked as continuing it. */
export interface GuideModule {
  readonly guide: string;
  /** The line of the first block's fence, for messages. */
  readonly line: number;
  readonly code: string;
  /** False for a block marked `<!-- not run: … -->`: it is type-checked only. */
  readonly run: boolean;
}

const markerPattern = /^<!--\s*(.+?)\s*-->$/;

/**
 * The TypeScript of a guide as modules. Each ```ts block is a module of its own, as a reader would copy
 * it; a block marked `<!-- continues -->` on the line before its fence is appended to the one before (a
 * guide that builds one program step by step), and `<!-- not run: reason -->` keeps a block from being run
 * (a vitest test file): it is still type-checked.
 *
 * @example
 * ```ts
 * const modules = guideModules('getting-started.md', readFileSync(file, 'utf8'));
 * ```
 */
export function guideModules(guide: string, markdown: string): GuideModule[] {
  const lines = markdown.split('\n');
  const modules: GuideModule[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]!.trim() !== '```ts') continue;
    const end = lines.findIndex((line, position) => position > index && line.trim() === '```');
    if (end < 0) throw new Error(`${guide}: the ts block at line ${index + 1} is never closed`);
    const code = lines.slice(index + 1, end).join('\n');
    const marker = markerPattern.exec(lines[index - 1]?.trim() ?? '')?.[1];
    const previous = modules.at(-1);
    if (marker === 'continues') {
      if (!previous) throw new Error(`${guide}: the block at line ${index + 1} continues no block`);
      modules[modules.length - 1] = { ...previous, code: `${previous.code}\n${code}` };
    } else if (marker !== undefined && !marker.startsWith('not run:')) {
      throw new Error(`${guide}: unknown marker <!-- ${marker} --> at line ${index}`);
    } else {
      modules.push({ guide, line: index + 1, code, run: marker === undefined });
    }
    index = end;
  }
  return modules;
}
