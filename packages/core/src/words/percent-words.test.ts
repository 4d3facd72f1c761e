import { describe, expect, it } from 'vitest';
import { percentInWords } from './percent-words.js';

describe('percentInWords', () => {
  it('shows at most one decimal, without a trailing .0', () => {
    expect([0.8125, 0.85, 1, 2 / 3, 11 / 26, 0].map(percentInWords)).toEqual([
      '81.3%',
      '85%',
      '100%',
      '66.7%',
      '42.3%',
      '0%',
    ]);
  });

  it('rounds the share as written, half up, where floating point would round down', () => {
    // (0.0095 * 100).toFixed(1) is '0.9', which the CLI used to print beside a reason that said 1%.
    expect([0.0095, 0.0015, 0.0215].map(percentInWords)).toEqual(['1%', '0.2%', '2.2%']);
  });
});
