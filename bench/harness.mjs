// A small timing harness: no dependency, monotonic clock, work consumed into a sink so that the
// optimiser cannot drop it.

let sink = 0;

/** Read by the caller at the end so the sink stays live. */
export function sinkValue() {
  return sink;
}

/**
 * Runs `run(input)` over `inputs`, cycling, until at least `minMs` have passed and `minIterations` calls
 * were made. `run` returns a number (anything derived from the result). Returns nanoseconds per call.
 */
export function measureSync(run, inputs, { minMs, minIterations = 0, chunk = 256 }) {
  const count = inputs.length;
  const minNs = BigInt(Math.round(minMs * 1e6));
  let index = 0;
  let iterations = 0;
  let elapsed = 0n;
  const start = process.hrtime.bigint();
  do {
    for (let step = 0; step < chunk; step++) {
      sink += run(inputs[index]);
      if (++index === count) index = 0;
    }
    iterations += chunk;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < minNs || iterations < minIterations);
  return { nsPerCall: Number(elapsed) / iterations, iterations };
}

/** {@link measureSync} for an async `run`, awaited one call at a time as a caller would. */
export async function measureAsync(run, inputs, { minMs, minIterations = 0, chunk = 16 }) {
  const count = inputs.length;
  const minNs = BigInt(Math.round(minMs * 1e6));
  let index = 0;
  let iterations = 0;
  let elapsed = 0n;
  const start = process.hrtime.bigint();
  do {
    for (let step = 0; step < chunk; step++) {
      sink += await run(inputs[index]);
      if (++index === count) index = 0;
    }
    iterations += chunk;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < minNs || iterations < minIterations);
  return { nsPerCall: Number(elapsed) / iterations, iterations };
}

export function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A duration in nanoseconds with a unit that keeps three or four significant digits. */
export function formatNs(nanoseconds) {
  if (nanoseconds < 1e3) return `${nanoseconds.toFixed(0)} ns`;
  if (nanoseconds < 1e6) return `${(nanoseconds / 1e3).toFixed(nanoseconds < 1e4 ? 2 : 1)} µs`;
  if (nanoseconds < 1e9) return `${(nanoseconds / 1e6).toFixed(nanoseconds < 1e7 ? 3 : 2)} ms`;
  return `${(nanoseconds / 1e9).toFixed(2)} s`;
}

export function formatRatio(ratio) {
  if (ratio < 10) return `${ratio.toFixed(1)}×`;
  return `${Math.round(ratio).toLocaleString('en-US')}×`;
}
