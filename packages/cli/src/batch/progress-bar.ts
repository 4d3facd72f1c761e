import type { OutputStream } from '../io/run-io.js';

/**
 * A one-line progress bar on a terminal's stderr, redrawn in place at most ten times a second.
 * `finish` clears it, so the summary that follows starts on a clean line.
 */
export function progressBar(stderr: OutputStream, totalBytes: number) {
  let lastDrawn = 0;
  const width = 30;
  return {
    update(bytesRead: number, lines: number): void {
      const now = Date.now();
      if (now - lastDrawn < 100) return;
      lastDrawn = now;
      const share = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 1;
      const filled = Math.round(share * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      stderr.write(
        `\r${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${lines.toLocaleString('en-US')} lines`,
      );
    },
    finish(): void {
      if (lastDrawn > 0) stderr.write('\r\u001b[K');
    },
  };
}
