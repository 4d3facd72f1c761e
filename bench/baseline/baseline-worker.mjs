// Runs the frozen baseline planner on one instance in a worker thread, so that the bench can stop it at
// its time limit (worker.terminate()) and still go on.
import { parentPort, workerData } from 'node:worker_threads';
import { baselineCheapestFixes } from './min-cost-cover-baseline.mjs';

const start = performance.now();
try {
  const positions = baselineCheapestFixes(workerData.instance);
  parentPort.postMessage({ ms: performance.now() - start, positions });
} catch (error) {
  parentPort.postMessage({ ms: performance.now() - start, error: String(error?.message ?? error) });
}
