/** Where a value sits in a JSON text: 1-based line and column (column in UTF-16 code units). */
export interface JsonPosition {
  readonly line: number;
  readonly column: number;
}

/** A JSON path: object keys and array indexes from the root, as `RubricError` issues carry them. */
export type JsonPath = readonly (string | number)[];

/** Finds the line of any JSON path in one JSON text. */
export interface JsonLocator {
  /**
   * The position of the value at `path` (of its key, for an object member), or of the nearest ancestor
   * that exists when the path goes further than the document (a missing key is reported at its object).
   */
  positionOf(path: JsonPath): JsonPosition;
}

/** A value of the document: where it starts, and its members or elements once it has any. */
interface Located {
  readonly position: JsonPosition;
  children?: Map<string | number, Located>;
}

interface Frame {
  readonly node: Located;
  readonly array: boolean;
  /** The index of the next element (arrays). */
  next: number;
  /** The member whose value comes next (objects), and where its key is. */
  key: string | undefined;
  keyPosition: JsonPosition | undefined;
}

const start: JsonPosition = { line: 1, column: 1 };
// What ends a number, `true`, `false` or `null`.
const scalarEnd = /[\s,\]}]/g;

/**
 * Records where each object member and array element of a JSON text starts, so a finding about
 * `$.aspects[0].requirements[2].standards[1].condition` points to its line in the file the author edits.
 * Keys are decoded (`"a\"b"`, `"\u0041"` are found as `a"b` and `A`); a key given twice is found where
 * `JSON.parse` takes it from, the last time. The scan is iterative, so any depth of nesting is fine; text
 * that is not JSON yields what was read before the problem (then the root).
 *
 * @example
 * ```ts
 * const locator = jsonLocator('{\n  "aspects": [\n    { "id": "A1" }\n  ]\n}');
 * locator.positionOf(['aspects', 0, 'id']); // { line: 3, column: 7 }
 * locator.positionOf(['aspects', 0, 'title']); // { line: 3, column: 5 } — missing: its object
 * ```
 */
export function jsonLocator(text: string): JsonLocator {
  // A tree rather than a map of whole paths: memory stays linear in the text even for deep nesting.
  let root: Located | undefined;
  const stack: Frame[] = [];
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  const here = (): JsonPosition => ({ line, column: index - lineStart + 1 });

  /** Records a value that starts here. */
  const beginValue = (): Located => {
    const frame = stack.at(-1);
    if (frame === undefined) {
      root = { position: here() };
      return root;
    }
    frame.node.children ??= new Map();
    if (frame.array) {
      const node = { position: here() };
      frame.node.children.set(frame.next, node);
      return node;
    }
    const node = { position: frame.keyPosition ?? here() };
    frame.node.children.set(frame.key ?? '', node);
    frame.key = undefined;
    frame.keyPosition = undefined;
    return node;
  };

  while (index < text.length) {
    const char = text[index]!;
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) {
      index++;
      line++;
      lineStart = index;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r' || char === ':') {
      index++;
      continue;
    }
    const frame = stack.at(-1);
    if (char === '{' || char === '[') {
      const node = beginValue();
      stack.push({ node, array: char === '[', next: 0, key: undefined, keyPosition: undefined });
      index++;
    } else if (char === '}' || char === ']') {
      stack.pop();
      index++;
    } else if (char === ',') {
      if (frame?.array) frame.next++;
      index++;
    } else if (char === '"') {
      const end = stringEnd(text, index);
      if (frame !== undefined && !frame.array && frame.keyPosition === undefined) {
        frame.keyPosition = here();
        frame.key = decodeString(text.slice(index, end));
      } else beginValue();
      index = end;
    } else {
      beginValue();
      scalarEnd.lastIndex = index + 1;
      index = scalarEnd.exec(text)?.index ?? text.length;
    }
  }

  return {
    positionOf(path) {
      if (root === undefined) return start;
      let node: Located = root;
      for (const segment of path) {
        const child: Located | undefined = node.children?.get(segment);
        if (child === undefined) break;
        node = child;
      }
      return node.position;
    },
  };
}

/** The index just after the string that starts at `from` (a quote), escapes included. */
function stringEnd(text: string, from: number): number {
  let index = from + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '"') return index + 1;
    else index++;
  }
  return text.length;
}

function decodeString(literal: string): string {
  try {
    return String(JSON.parse(literal));
  } catch {
    return literal.slice(1, -1);
  }
}
