// The built executable, as npm links it: dist/bin.js with its shebang, importing dist/index.js and the
// sibling packages' builds. CI builds before testing; skipped (with a message) when there is no build.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { runCli, samplesFolder } from './run-cli.js';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/bin.js');
const built = existsSync(bin);
if (!built) console.warn(`built-bin: SKIPPED — ${bin} is missing (run pnpm build first)`);

describe.skipIf(!built)('dist/bin.js', () => {
  test('is a Node executable that evaluates an assessment', { timeout: 30_000 }, async () => {
    expect((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
    const version = await runCli(['--version'], { cwd: samplesFolder, bin });
    expect(version).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
    const outcome = await runCli(['evaluate', join(samplesFolder, 'eligible.json'), '--format', 'json'], {
      cwd: samplesFolder,
      bin,
    });
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout).eligible).toBe(true);
  });
});
