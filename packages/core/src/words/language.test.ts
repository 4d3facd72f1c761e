import { describe, expect, it } from 'vitest';
import { say } from './language.js';

describe('say', () => {
  it('gives the Chinese, the English with the Chinese as fallback, or both on two lines', () => {
    const met = { zh: '符合', en: 'met' };
    expect([say(met, 'zh'), say(met, 'en'), say(met, 'zh-en')]).toEqual(['符合', 'met', '符合\nmet']);
    expect([say({ zh: '符合' }, 'en'), say({ zh: '符合' }, 'zh-en')]).toEqual(['符合', '符合']);
  });
});
