import type { RunIo } from './run-io.js';

/** Paints text for a terminal, or leaves it plain. */
export interface Palette {
  readonly enabled: boolean;
  readonly good: (text: string) => string;
  readonly bad: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly strong: (text: string) => string;
  readonly dim: (text: string) => string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/** No colour: for files, pipes and `NO_COLOR`. */
export const plainPalette: Palette = {
  enabled: false,
  good: plain,
  bad: plain,
  warn: plain,
  strong: plain,
  dim: plain,
};

/** Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty (no-color.org). */
export function paletteFor(io: Pick<RunIo, 'isTTY' | 'env'>): Palette {
  const enabled = io.isTTY && !io.env.NO_COLOR;
  if (!enabled) return plainPalette;
  return {
    enabled,
    good: ansi(32, 39),
    bad: ansi(31, 39),
    warn: ansi(33, 39),
    strong: ansi(1, 22),
    dim: ansi(2, 22),
  };
}
