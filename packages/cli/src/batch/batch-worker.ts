// The worker thread of `batch --jobs n`: builds the registry as the command does, compiles its evaluators
// once, then evaluates each chunk of lines it is sent with the same code as the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { createRegistry } from '@sunshine-rubric/core';
import { builtInPlugins } from '../input/built-in-plugins.js';
import type { WorkerReply, WorkerSetup } from './batch-workers.js';
import { evaluateChunk, lineEvaluators } from './evaluate-chunk.js';
import type { NdjsonChunk } from './ndjson-lines.js';

interface ChunkMessage extends NdjsonChunk {
  readonly sequence: number;
}

const setup = workerData as WorkerSetup;
const registry = createRegistry({ plugins: builtInPlugins });
const evaluatorFor = lineEvaluators({
  registry,
  evaluator: setup.ruleSet === undefined ? undefined : registry.compile(setup.ruleSet),
  fallbackRuleSet: setup.fallbackRuleSet,
});

const encoder = new TextEncoder();
// The rule set of lines that name none, compiled now (an unknown one is kept as the error it is): most
// lines use it. Until `ready` arrives the main thread keeps the chunks to itself rather than wait on a
// thread that is still starting.
evaluatorFor(undefined);
parentPort?.postMessage({ ready: true } satisfies WorkerReply);

parentPort?.on('message', (message: ChunkMessage) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const outcome = evaluateChunk(message, evaluatorFor, setup.full);
    // Encoded here and moved, not cloned: a string would be copied out of this thread and into the main
    // one, which would then encode it again to write it, on the thread that reads and writes for all.
    const bytes = encoder.encode(outcome.text);
    transfer = [bytes.buffer as ArrayBuffer];
    reply = { sequence: message.sequence, outcome: { ...outcome, text: bytes } };
  } catch (error) {
    reply = {
      sequence: message.sequence,
      failure: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(reply, transfer);
});
