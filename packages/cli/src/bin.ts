import { run } from './index.js';

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
