import { createRegistry } from '@sunshine-rubric/core';
import { guangxiPlugin, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, test } from 'vitest';
import { type BatchSink, streamBatch } from './stream-batch.js';

const registry = createRegistry({ plugins: [guangxiPlugin] });
const samples = Object.values(guangxiSamples).map((sample) => JSON.stringify(sample));

/** A sink that keeps every write, to count them. */
function recordingSink(): BatchSink & { readonly writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    closed: () => false,
    write(chunk) {
      writes.push(String(chunk));
      return undefined;
    },
  };
}

async function* chunks(texts: readonly string[]): AsyncGenerator<Uint8Array> {
  for (const text of texts) yield new TextEncoder().encode(text);
}

describe('streamBatch', () => {
  test('writes the output of each input chunk in one write, not one write per line', async () => {
    const block = `${samples.join('\n')}\n`;
    const sink = recordingSink();
    const summary = await streamBatch({
      source: chunks([block, block, block]),
      sink,
      registry,
      fallbackRuleSet: 'guangxi-2021',
    });
    expect(summary).toMatchObject({ lines: 15, evaluated: 15, failed: 0, complete: true });
    expect(sink.writes).toHaveLength(3);
    const lines = sink.writes.join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line).line)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  test('the lines of a chunk are written before the next chunk is awaited (stdin typed by hand)', async () => {
    const sink = recordingSink();
    const writesBeforeSecondChunk: number[] = [];
    async function* slowSource(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(`${samples[0]}\n`);
      writesBeforeSecondChunk.push(sink.writes.length);
      yield new TextEncoder().encode(`${samples[1]}\n`);
    }
    await streamBatch({
      source: slowSource(),
      sink,
      registry,
      fallbackRuleSet: 'guangxi-2021',
    });
    expect(writesBeforeSecondChunk).toEqual([1]);
    expect(sink.writes).toHaveLength(2);
  });

  test('a reader that goes away stops the batch at the next write', async () => {
    let open = true;
    const writes: string[] = [];
    const sink: BatchSink = {
      closed: () => !open,
      write(chunk) {
        writes.push(String(chunk));
        open = false;
        return undefined;
      },
    };
    const block = `${samples.join('\n')}\n`;
    const summary = await streamBatch({
      source: chunks([block, block, block]),
      sink,
      registry,
      fallbackRuleSet: 'guangxi-2021',
    });
    expect(summary.complete).toBe(false);
    expect(writes).toHaveLength(1);
  });
});
