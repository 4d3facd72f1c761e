/** Where a JSON text first goes wrong: 1-based line and column, and what was expected there. */
export interface JsonSyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * The first syntax error of a JSON text, located by line and column; `undefined` when the text is valid.
 * `JSON.parse` on Node 20 gives no position for many errors (`Unexpected token '}', … is not valid JSON`),
 * so the text is scanned again, by the JSON grammar, only when parsing has failed.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.skipWhitespace();
    scanner.value();
    scanner.skipWhitespace();
    if (scanner.offset < text.length) scanner.fail('end of input after the JSON value');
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { ...lineAndColumn(text, error.offset), message: error.message };
  }
}

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Scanner {
  offset = 0;
  constructor(private readonly text: string) {}

  fail(expected: string): never {
    const found = this.offset < this.text.length ? JSON.stringify(this.text[this.offset]) : 'end of input';
    throw new SyntaxProblem(this.offset, `expected ${expected}, found ${found}`);
  }

  skipWhitespace(): void {
    while (this.offset < this.text.length && ' \t\n\r'.includes(this.text[this.offset]!)) this.offset++;
  }

  /**
   * One JSON value, containers included, with the open containers kept on a stack of their own rather than
   * on the call stack: a line of a million `[` is a syntax error to report, not a stack overflow that
   * would end a whole batch.
   */
  value(): void {
    const open = new ContainerStack();
    for (;;) {
      const char = this.text[this.offset];
      if (char === '{' || char === '[') {
        this.offset++;
        this.skipWhitespace();
        if (this.text[this.offset] === (char === '{' ? '}' : ']')) this.offset++;
        else {
          open.push(char === '{');
          if (char === '{') this.propertyName();
          continue;
        }
      } else this.scalar(char);
      if (!this.afterMember(open)) return;
    }
  }

  /**
   * After a value inside the open containers: closes those that end here and steps past the `,` to the
   * next member. False when no container is left open (the whole value has been read).
   */
  private afterMember(open: ContainerStack): boolean {
    for (;;) {
      if (open.depth === 0) return false;
      const inObject = open.top();
      this.skipWhitespace();
      if (this.text[this.offset] === (inObject ? '}' : ']')) {
        this.offset++;
        open.pop();
        continue;
      }
      if (this.text[this.offset] !== ',') this.fail(inObject ? "',' or '}'" : "',' or ']'");
      this.offset++;
      this.skipWhitespace();
      if (inObject) this.propertyName();
      return true;
    }
  }

  /** A member's name and its `:`, up to the member's value. */
  private propertyName(): void {
    if (this.text[this.offset] !== '"') this.fail('a property name in double quotes');
    this.string();
    this.skipWhitespace();
    if (this.text[this.offset] !== ':') this.fail("':' after the property name");
    this.offset++;
    this.skipWhitespace();
  }

  private scalar(char: string | undefined): void {
    if (char === '"') this.string();
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) this.number();
    else this.literal();
  }

  private literal(): void {
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.offset)) {
        this.offset += literal.length;
        return;
      }
    }
    this.fail('a JSON value');
  }

  private string(): void {
    this.offset++;
    while (this.offset < this.text.length) {
      const char = this.text[this.offset]!;
      if (char === '"') {
        this.offset++;
        return;
      }
      if (char < ' ') this.fail('no raw control character inside a string (escape it)');
      if (char === '\\') {
        const escaped = this.text[this.offset + 1];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6))) {
            this.offset += 2;
            this.fail('four hex digits after \\u');
          }
          this.offset += 6;
          continue;
        }
        if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
          this.offset++;
          this.fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        }
        this.offset += 2;
        continue;
      }
      this.offset++;
    }
    this.fail("a closing '\"'");
  }

  private number(): void {
    numberPattern.lastIndex = this.offset;
    const match = numberPattern.exec(this.text);
    if (!match || match[0] === '-') this.fail('a number');
    this.offset += match[0].length;
  }
}

/** The containers open around the scanner: one byte each (object or array), however deep the text. */
class ContainerStack {
  private inObject = new Uint8Array(64);
  depth = 0;

  push(inObject: boolean): void {
    if (this.depth === this.inObject.length) {
      const grown = new Uint8Array(this.inObject.length * 2);
      grown.set(this.inObject);
      this.inObject = grown;
    }
    this.inObject[this.depth++] = inObject ? 1 : 0;
  }

  top(): boolean {
    return this.inObject[this.depth - 1] === 1;
  }

  pop(): void {
    this.depth--;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let position = 0; position < offset; position++) {
    if (text[position] === '\n') {
      line++;
      lineStart = position + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
