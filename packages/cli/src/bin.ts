// The composition root of the `sunshine-rubric` binary: the process's world; `run` composes the command
// of the built-in plugins (`builtInPlugins`) when it is given no registry, which `batch --jobs` workers
// can make again in their threads.
import { removeTemporaryFiles } from './output/output-file.js';
import { run } from './program/run.js';

// A reader that goes away (`sunshine-rubric evaluate *.json | head -1`) makes a write that is still pending
// when the run has ended fail with EPIPE; unheard, Node would print "Unhandled 'error' event" and a stack.
// The output is simply no longer wanted: the process ends with the run's exit code.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

// An interrupted run leaves every --out as it was, and no temporary file beside it: Ctrl-C, a kill, and the
// terminal or SSH session that closes under a long batch (SIGHUP).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.once(signal, () => {
    removeTemporaryFiles();
    process.exit(code);
  });
}

// Colour and the progress bar are for a person at a terminal: both streams must be one.
const exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true && process.stderr.isTTY === true,
  env: process.env,
});
// Not process.exit(): let stdout drain into a pipe before the process ends.
process.exitCode = exitCode;
