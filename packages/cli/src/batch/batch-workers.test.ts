import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRegistry } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundledBatchWorker, removeBundle, temporaryFolder } from '../../test/run-cli.js';
import { builtInPlugins } from '../input/built-in-plugins.js';
import { CliError } from '../io/run-io.js';
import { autoJobs, startBatchWorkers, workerRegistryProblem } from './batch-workers.js';
import { evaluateChunk } from './evaluate-chunk.js';
import { type BatchSink, type BatchSummary, streamBatch } from './stream-batch.js';

let folder: { path: string; remove: () => Promise<void> };
let workerUrl: URL;

beforeAll(async () => {
  folder = await temporaryFolder('batch-workers');
  // The worker as it ships: bundled (a worker thread cannot load TypeScript source).
  workerUrl = await bundledBatchWorker();
}, 120_000);
afterAll(async () => {
  await folder.remove();
  await removeBundle();
});

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Every kind of line: verdicts, each kind of error, a BOM on line 1, blank lines, CRLF, no final LF. */
function mixedInput(): Buffer {
  const samples = Object.values(guangxiSamples).map((sample) => JSON.stringify(sample));
  const lines: Buffer[] = [utf8(`\uFEFF${samples[0]}\r\n`)];
  for (let round = 0; round < 12; round++) {
    lines.push(utf8(`${samples[round % samples.length]!.replace('"id":"', `"id":"r${round}-`)}\n`));
    if (round % 3 === 0) lines.push(utf8('\n  \t\n\r\n'));
    if (round % 4 === 1) lines.push(utf8('{"id": broken\n'));
    if (round % 5 === 2) lines.push(Buffer.from([0x7b, 0x22, 0xe9, 0x98, 0x22, 0x7d, 0x0a]));
    if (round % 6 === 3)
      lines.push(utf8(`${JSON.stringify({ ...guangxiSamples.eligible, ruleSet: 'atlantis-2040' })}\n`));
    if (round % 7 === 4) lines.push(utf8('{"id":"a","community":{"name":"x"},"facts":{},"extra":1}\n'));
  }
  lines.push(utf8(samples[1]!));
  return Buffer.concat(lines);
}

async function* cutEvery(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const eligibleLine = () => utf8(`${JSON.stringify(guangxiSamples.eligible)}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An eligible estate's line every `everyMs`, `most` lines at most, until `enough()`: input that keeps
 * coming while a worker starts, however long that takes on a loaded machine.
 */
async function* trickle(everyMs: number, most: number, enough = () => false): AsyncGenerator<Uint8Array> {
  for (let line = 0; line < most && !enough(); line++) {
    yield eligibleLine();
    await pause(everyMs);
  }
}

function collectingSink(): BatchSink & { text: () => string } {
  const writes: string[] = [];
  return {
    closed: () => false,
    write: (chunk) =>
      void writes.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
    text: () => writes.join(''),
  };
}

async function runWith(
  bytes: Buffer,
  chunkSize: number,
  jobs: number,
  extra: { full?: boolean; ruleSet?: boolean } = {},
): Promise<{ output: string; summary: BatchSummary }> {
  const sink = collectingSink();
  const registry = createRegistry({ plugins: builtInPlugins });
  const ruleSet = extra.ruleSet ? guangxi2021 : undefined;
  const summary = await streamBatch({
    source: cutEvery(bytes, chunkSize),
    sink,
    registry,
    ...(ruleSet ? { ruleSet, evaluator: registry.compile(ruleSet) } : {}),
    fallbackRuleSet: 'guangxi-2021',
    full: extra.full ?? false,
    jobs,
    workerUrl,
  });
  return { output: sink.text(), summary };
}

// Worker threads start slowly on a loaded machine; a test that hangs (a lost answer) still fails here.
describe('batch with worker threads', { timeout: 120_000 }, () => {
  test('gives the same bytes and counts as one thread, however the input is cut and however many workers', async () => {
    const input = mixedInput();
    const reference = await runWith(input, input.length, 1);
    expect(reference.summary).toMatchObject({
      lines: 35,
      evaluated: 14,
      failed: 9,
      skipped: 12,
      complete: true,
    });
    expect(reference.output.startsWith('{"line":1,"verdict":')).toBe(true);
    for (const chunkSize of [97, 1000, 4096, input.length]) {
      for (const jobs of [1, 2, 3]) {
        const { output, summary } = await runWith(input, chunkSize, jobs);
        expect({ chunkSize, jobs, same: output === reference.output }).toEqual({
          chunkSize,
          jobs,
          same: true,
        });
        expect(summary).toEqual(reference.summary);
      }
    }
  });

  test('the same with --full results and with a --rule-set sent to the workers', async () => {
    const input = mixedInput();
    for (const extra of [{ full: true }, { ruleSet: true }]) {
      const reference = await runWith(input, 1000, 1, extra);
      const threaded = await runWith(input, 1000, 2, extra);
      expect(threaded.output).toBe(reference.output);
      expect(threaded.summary).toEqual(reference.summary);
    }
  });

  test('a line typed on stdin is answered before the next line arrives', async () => {
    const sink = collectingSink();
    let answered: () => void = () => undefined;
    const firstAnswer = new Promise<void>((resolve) => {
      answered = resolve;
    });
    const watched: BatchSink = {
      closed: () => false,
      write(chunk) {
        answered();
        return sink.write(chunk);
      },
    };
    async function* typedByHand(): AsyncGenerator<Uint8Array> {
      yield utf8(`${JSON.stringify(guangxiSamples.eligible)}\n`);
      // The next line comes only once the first has its answer: a batch that waits for more input
      // before writing never ends.
      await firstAnswer;
      yield utf8(`${JSON.stringify(guangxiSamples.belowThreshold)}\n`);
    }
    const summary = await streamBatch({
      source: typedByHand(),
      sink: watched,
      registry: createRegistry({ plugins: builtInPlugins }),
      fallbackRuleSet: 'guangxi-2021',
      jobs: 2,
      workerUrl,
    });
    expect(summary).toMatchObject({ lines: 2, evaluated: 2 });
    expect(sink.text().split('\n').filter(Boolean)).toHaveLength(2);
  });

  test('a worker that exits while it holds lines stops the batch with an error that says so', async () => {
    const crashing = join(folder.path, 'exits.mjs');
    await writeFile(
      crashing,
      "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ ready: true });\n" +
        "parentPort.on('message', () => process.exit(3));\n",
    );
    const run = streamBatch({
      // Lines keep coming until the worker, once ready, is sent one and exits (10 s at most).
      source: trickle(5, 2000),
      sink: collectingSink(),
      registry: createRegistry({ plugins: builtInPlugins }),
      fallbackRuleSet: 'guangxi-2021',
      jobs: 2,
      workerUrl: pathToFileURL(crashing),
    });
    await expect(run).rejects.toThrow(CliError);
    await expect(run).rejects.toThrow(
      /batch worker \d stopped \(exit code 3\) before it had evaluated every line/,
    );
  });

  test('a worker that stops ends the batch at once, not when the next line arrives on a slow stdin', async () => {
    const crashed = join(folder.path, 'crashed.marker');
    const crashing = join(folder.path, 'exits-marked.mjs');
    await writeFile(
      crashing,
      "import { writeFileSync } from 'node:fs';\nimport { parentPort } from 'node:worker_threads';\n" +
        'parentPort.postMessage({ ready: true });\n' +
        `parentPort.on('message', () => { writeFileSync(${JSON.stringify(crashed)}, ''); process.exit(3); });\n`,
    );
    // Lines come until the worker has taken one and stopped; then stdin stays open and silent.
    async function* silentOnceCrashed(): AsyncGenerator<Uint8Array> {
      yield* trickle(5, 2000, () => existsSync(crashed));
      await new Promise(() => undefined);
    }
    const run = streamBatch({
      source: silentOnceCrashed(),
      sink: collectingSink(),
      registry: createRegistry({ plugins: builtInPlugins }),
      fallbackRuleSet: 'guangxi-2021',
      jobs: 2,
      workerUrl: pathToFileURL(crashing),
    });
    await expect(run).rejects.toThrow(
      /batch worker \d stopped \(exit code 3\) before it had evaluated every line/,
    );
  });

  test('a worker that cannot start is an error, even when this thread evaluated every line meanwhile', async () => {
    const broken = join(folder.path, 'throws.mjs');
    await writeFile(broken, "throw new Error('no such plugin');\n");
    const sink = collectingSink();
    const run = streamBatch({
      source: cutEvery(mixedInput(), 500),
      sink,
      registry: createRegistry({ plugins: builtInPlugins }),
      fallbackRuleSet: 'guangxi-2021',
      jobs: 2,
      workerUrl: pathToFileURL(broken),
    });
    await expect(run).rejects.toThrow(/--jobs: batch worker \d failed: no such plugin/);
    // What was written before the failure was known is the start of the right output, nothing else.
    const { output } = await runWith(mixedInput(), 500, 1);
    expect(output.startsWith(sink.text())).toBe(true);
  });

  test('this thread evaluates beside the workers, and the lines of both come out in input order', async () => {
    // A worker that answers slowly, marking its lines: this thread takes the chunks it has no room for.
    const slow = join(folder.path, 'slow.mjs');
    await writeFile(
      slow,
      [
        "import { parentPort } from 'node:worker_threads';",
        'parentPort.postMessage({ ready: true });',
        "parentPort.on('message', ({ sequence, firstLine, lineCount }) => setTimeout(() => {",
        '  const text = JSON.stringify({ line: firstLine, worker: true }) + "\\n";',
        '  const counts = { lines: lineCount, evaluated: lineCount, eligible: 0, failed: 0, skipped: 0 };',
        '  parentPort.postMessage({ sequence, outcome: { text, ...counts } });',
        '}, 20));',
      ].join('\n'),
    );
    const sink = collectingSink();
    // Lines one at a time until the worker is ready and has answered one, then twelve at once.
    async function* lineByLine(): AsyncGenerator<Uint8Array> {
      yield* trickle(10, 1000, () => sink.text().includes('"worker":true'));
      for (let line = 0; line < 12; line++) yield eligibleLine();
    }
    const summary = await streamBatch({
      source: lineByLine(),
      sink,
      registry: createRegistry({ plugins: builtInPlugins }),
      fallbackRuleSet: 'guangxi-2021',
      jobs: 2,
      workerUrl: pathToFileURL(slow),
    });
    const lines = sink
      .text()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const total = lines.length;
    expect(total).toBeGreaterThan(12);
    expect(summary).toMatchObject({ lines: total, evaluated: total });
    expect(lines.map((line) => line.line)).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    const byWorker = lines.filter((line) => line.worker).length;
    expect(byWorker).toBeGreaterThan(0);
    // This thread took the first line (the worker was still starting) and, of the twelve sent at once,
    // those the worker had no room for.
    expect(lines[0].worker).toBeUndefined();
    expect(lines.slice(-12).filter((line) => !line.worker).length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.verdict?.eligible === true)).toHaveLength(total - byWorker);
  });

  test('a worker that has not said it is ready is sent nothing: this thread evaluates every line meanwhile', async () => {
    // A worker that says it is ready only after a while, and marks every line it is sent.
    const late = join(folder.path, 'late.mjs');
    await writeFile(
      late,
      [
        "import { parentPort } from 'node:worker_threads';",
        'setTimeout(() => parentPort.postMessage({ ready: true }), 1000);',
        "parentPort.on('message', ({ sequence, firstLine, lineCount }) => {",
        '  const text = JSON.stringify({ line: firstLine, worker: true }) + "\\n";',
        '  const counts = { lines: lineCount, evaluated: lineCount, eligible: 0, failed: 0, skipped: 0 };',
        '  parentPort.postMessage({ sequence, outcome: { text, ...counts } });',
        '});',
      ].join('\n'),
    );
    const input = mixedInput();
    const reference = await runWith(input, 500, 1);
    const sink = collectingSink();
    const summary = await streamBatch({
      source: cutEvery(input, 500),
      sink,
      registry: createRegistry({ plugins: builtInPlugins }),
      fallbackRuleSet: 'guangxi-2021',
      jobs: 3,
      workerUrl: pathToFileURL(late),
    });
    expect(sink.text()).toBe(reference.output);
    expect(summary).toEqual(reference.summary);
  });

  test('a worker sends its lines as UTF-8 bytes, moved rather than copied: the text this thread writes', async () => {
    const bytes = utf8(`${JSON.stringify(guangxiSamples.eligible)}\n{"id": broken\n`);
    const workers = startBatchWorkers(1, { fallbackRuleSet: 'guangxi-2021', full: false }, workerUrl);
    try {
      const outcome = await workers.evaluate({ firstLine: 1, lineCount: 2, bytes });
      const expected = (await runWith(bytes, bytes.length, 1)).output;
      expect(outcome.text).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(outcome.text as Uint8Array).toString('utf8')).toBe(expected);
      expect(outcome).toMatchObject({ lines: 2, evaluated: 1, failed: 1 });
    } finally {
      await workers.close();
    }
  });

  test('a line too long to read, counted on this thread, is answered by a worker as by this thread', async () => {
    const tooLong = { firstLine: 7, lineCount: 1, bytes: new Uint8Array(0), oversizedBytes: 70_000_000 };
    const here = evaluateChunk(tooLong, () => new Error('no line is evaluated') as never, false);
    expect(JSON.parse(here.text)).toMatchObject({ line: 7, error: { code: 'LINE_TOO_LONG' } });
    const workers = startBatchWorkers(1, { fallbackRuleSet: 'guangxi-2021', full: false }, workerUrl);
    try {
      const outcome = await workers.evaluate(tooLong);
      expect(Buffer.from(outcome.text as Uint8Array).toString('utf8')).toBe(here.text);
      expect(outcome).toMatchObject({ lines: 1, evaluated: 0, failed: 1 });
    } finally {
      await workers.close();
    }
  });

  test('workers start only once workersAfterBytes have been read: a small input never starts one', async () => {
    const broken = join(folder.path, 'never-started.mjs');
    await writeFile(broken, "throw new Error('started');\n");
    const input = mixedInput();
    const reference = await runWith(input, 500, 1);
    const run = (workersAfterBytes: number) => {
      const sink = collectingSink();
      return streamBatch({
        source: cutEvery(input, 500),
        sink,
        registry: createRegistry({ plugins: builtInPlugins }),
        fallbackRuleSet: 'guangxi-2021',
        jobs: 2,
        workersAfterBytes,
        workerUrl: pathToFileURL(broken),
      }).then((summary) => ({ summary, output: sink.text() }));
    };
    const small = await run(input.length + 1);
    expect(small.output).toBe(reference.output);
    expect(small.summary).toEqual(reference.summary);
    await expect(run(input.length / 2)).rejects.toThrow(/--jobs: batch worker 1 failed: started/);
  });

  test('an unexpected error inside a worker reaches the caller as that error', async () => {
    const failing = join(folder.path, 'fails.mjs');
    await writeFile(
      failing,
      "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ ready: true });\n" +
        "parentPort.on('message', ({ sequence }) => parentPort.postMessage({ sequence, failure: 'evaluator bug' }));\n",
    );
    const workers = startBatchWorkers(
      1,
      { fallbackRuleSet: 'guangxi-2021', full: false },
      pathToFileURL(failing),
    );
    try {
      await expect(workers.evaluate({ firstLine: 1, lineCount: 1, bytes: utf8('{}\n') })).rejects.toThrow(
        'evaluator bug',
      );
    } finally {
      await workers.close();
    }
  });
});

describe('workerRegistryProblem', () => {
  test('the built-in registry can be rebuilt in a worker; any other is refused with a clear message', () => {
    expect(workerRegistryProblem({ builtInRegistry: true })).toBeUndefined();
    expect(workerRegistryProblem({ builtInRegistry: false })).toMatch(
      /^--jobs: .*cannot rebuild; run with --jobs 1/,
    );
  });

  test('auto is one thread per core, at most eight, on a machine that is not saturated, else one', () => {
    expect(autoJobs({ cores: 2, load: 0 })).toBe(2);
    expect(autoJobs({ cores: 2, load: 1.6 })).toBe(2);
    expect(autoJobs({ cores: 2, load: 2 })).toBe(1);
    expect(autoJobs({ cores: 2, load: 17 })).toBe(1);
    expect(autoJobs({ cores: 8, load: 3 })).toBe(8);
    expect(autoJobs({ cores: 64, load: 3 })).toBe(8);
    expect(autoJobs({ cores: 1, load: 0 })).toBe(1);
    expect(autoJobs({ cores: 2, load: Number.NaN })).toBe(1);
    expect(autoJobs()).toBeGreaterThanOrEqual(1);
  });
});
