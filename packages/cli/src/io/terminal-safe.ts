import type { OutputStream } from './run-io.js';

/** The most characters of a user's input (a file name, a line, a value) that a message of the command echoes. */
export const echoLimit = 200;

// The exact colour sequences the palette writes (colour.ts): kept when colour is on, nothing else is.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the palette's sequences
const paletteSequence = /\u001b\[(?:1|2|22|31|32|33|39)m/y;

// C0 controls but tab and line feed, DEL, C1 controls (U+009B is a one-character CSI), and the bidi
// embeddings, overrides and isolates that reorder what a terminal shows (U+202E makes `exe.txt` of `txt.exe`).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is neutralised
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Text made safe for a terminal: every control character (ESC, BEL, CR, C1 …) and bidi override or isolate
 * is shown as its escape, `\u001b`, so a community name cannot clear the screen, retitle the window, move
 * the cursor or reorder a line. Tab and line feed stay. With `keepColour`, the palette's own colour
 * sequences stay too. Never applied to JSON or HTML output, which must keep the data exactly.
 *
 * @example
 * ```ts
 * neutraliseControls('A\u001b[2J\u001b]0;owned\u0007'); // 'A\\u001b[2J\\u001b]0;owned\\u0007'
 * ```
 */
export function neutraliseControls(text: string, options: { readonly keepColour?: boolean } = {}): string {
  if (!unsafe.test(text)) return text;
  let safe = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (options.keepColour && char === '\u001b') {
      paletteSequence.lastIndex = index;
      const colour = paletteSequence.exec(text);
      if (colour) {
        safe += colour[0];
        index += colour[0].length - 1;
        continue;
      }
    }
    safe += unsafe.test(char) ? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}` : char;
  }
  return safe;
}

/**
 * A stream whose text is neutralised with {@link neutraliseControls} on its way out: the one place the
 * command's text output (results for people, errors, help) passes through.
 *
 * @example
 * ```ts
 * const stdout = terminalSafeStream(process.stdout, { keepColour: true });
 * stdout.write(`${communityName}\n`);
 * ```
 */
export function terminalSafeStream(
  stream: OutputStream,
  options: { readonly keepColour?: boolean } = {},
): OutputStream {
  return {
    write: (chunk: string) =>
      stream.write(typeof chunk === 'string' ? neutraliseControls(chunk, options) : chunk),
  };
}

/**
 * A piece of the user's input as a message echoes it: at most {@link echoLimit} characters, then how many
 * more there were, so a 5 MB line or file name cannot flood a terminal or a log.
 *
 * @example
 * ```ts
 * shownInput('x'.repeat(1000)); // 'xxx…x… (+800 characters)'
 * ```
 */
export function shownInput(text: string): string {
  if (text.length <= echoLimit) return text;
  // Never cut a character in two (a Chinese name outside the BMP, an emoji).
  const end = /[\ud800-\udbff]/.test(text[echoLimit - 1]!) ? echoLimit - 1 : echoLimit;
  return `${text.slice(0, end)}… (+${text.length - end} characters)`;
}
