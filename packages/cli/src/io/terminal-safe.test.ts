import { describe, expect, test } from 'vitest';
import { echoLimit, neutraliseControls, shownInput } from './terminal-safe.js';

describe('neutraliseControls', () => {
  test('ESC, OSC, BEL, CR, C1 and bidi overrides become visible escapes; tab, line feed and text stay', () => {
    expect(neutraliseControls('小区\u001b[2J\u001b]0;owned\u0007\r\u009b31m\u202eexe.txt\u2066\tok\n')).toBe(
      '小区\\u001b[2J\\u001b]0;owned\\u0007\\u000d\\u009b31m\\u202eexe.txt\\u2066\tok\n',
    );
  });

  test('the palette’s colours stay only when asked; any other sequence never does', () => {
    const coloured = '\u001b[32m符合\u001b[39m \u001b[1mA\u001b[22m';
    expect(neutraliseControls(coloured, { keepColour: true })).toBe(coloured);
    expect(neutraliseControls(coloured)).toBe('\\u001b[32m符合\\u001b[39m \\u001b[1mA\\u001b[22m');
    expect(neutraliseControls('\u001b[2J\u001b[8m', { keepColour: true })).toBe('\\u001b[2J\\u001b[8m');
  });

  test('is idempotent: safe text passes unchanged', () => {
    const once = neutraliseControls('a\u001b]0;x\u0007b');
    expect(neutraliseControls(once)).toBe(once);
  });
});

describe('shownInput', () => {
  test(`echoes at most ${echoLimit} characters of the user’s input, then says how many more`, () => {
    expect(shownInput('estate.json')).toBe('estate.json');
    expect(shownInput('x'.repeat(5000))).toBe(`${'x'.repeat(echoLimit)}… (+${5000 - echoLimit} characters)`);
    // Never half a character: 'a' and 99 characters outside the BMP, not a lone surrogate.
    expect(shownInput(`a${'𠀀'.repeat(300)}`)).toBe(`a${'𠀀'.repeat(99)}… (+402 characters)`);
  });
});
