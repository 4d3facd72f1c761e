// A bounded load run on loopback, the figures in the README: the service and its client in one process,
// so both share the machine's cores. Run from the repository root:
//   node --expose-gc --conditions=@sunshine-rubric/source --import tsx examples/node-service/scripts/load.ts
// or, from examples/node-service, `pnpm load`.
// Options: REQUESTS (2000), CONCURRENCY (50).
import { availableParallelism, loadavg } from 'node:os';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { createQinzhouRegistry, qinzhouRuleSetReference } from '@sunshine-rubric/qinzhou';
import { percentile, runLoad } from '../src/load-run.js';
import { startRubricService } from '../src/server.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc, to measure memory after a full collection');
const requests = Number(process.env.REQUESTS ?? 2_000);
const concurrency = Number(process.env.CONCURRENCY ?? 50);

const { server, url } = await startRubricService({
  registry: createQinzhouRegistry(),
  defaultRuleSet: qinzhouRuleSetReference,
  port: 0,
});
const load = { url: `${url}/evaluate`, body: JSON.stringify(guangxiSamples.belowThreshold), concurrency };
await runLoad({ ...load, requests: 200 }); // warm up: compile the rule set, let V8 optimise
gc();
const before = process.memoryUsage();
const report = await runLoad({ ...load, requests });
gc();
const after = process.memoryUsage();
server.close();

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(`POST /evaluate, ${requests} requests at concurrency ${concurrency}, Node ${process.version}`);
console.log(`  machine: ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} (1 min)`);
console.log(
  `  failed: ${report.failed}${report.failures.length > 0 ? ` (${report.failures.join(', ')})` : ''}`,
);
console.log(`  throughput: ${Math.round(report.succeeded / (report.elapsedMs / 1000))} requests/s`);
const latencies = report.latenciesMs;
console.log(
  `  latency: p50 ${ms(percentile(latencies, 0.5))}, p90 ${ms(percentile(latencies, 0.9))}, ` +
    `p99 ${ms(percentile(latencies, 0.99))}, max ${ms(percentile(latencies, 1))}`,
);
console.log(`  heap after a full GC: before ${mb(before.heapUsed)}, after ${mb(after.heapUsed)}`);
console.log(`  rss: before ${mb(before.rss)}, after ${mb(after.rss)}`);
