import fc from 'fast-check';

// The seed comes from vitest.config.ts (or the user's FC_SEED); numRuns from FC_NUM_RUNS for local fuzzing.
const seed = Number(process.env.FC_SEED);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${process.env.FC_SEED}`);
const numRuns = Number(process.env.FC_NUM_RUNS ?? 100);

fc.configureGlobal({ seed, numRuns });
