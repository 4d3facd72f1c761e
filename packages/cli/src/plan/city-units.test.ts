import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRegistry, definePlugin } from '@sunshine-rubric/core';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { qinzhouFictionalEstates, qinzhouPlan } from '@sunshine-rubric/qinzhou';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';
import { builtInPlugins } from '../input/built-in-plugins.js';

/** An embedder's own city, applying guangxi-2021 under its own plan, with its own units. */
const harbourCity = definePlugin({
  name: 'harbour-city',
  apiVersion: 1,
  cityUnits: {
    ruleSet: guangxi2021,
    plans: ['harbour-2030'],
    units: { housing: { zh: '港城住房和城乡建设局', en: 'Harbour City Housing Bureau' } },
  },
});
const registry = createRegistry({ plugins: [...builtInPlugins, harbourCity] });

let folder: { path: string; remove: () => Promise<void> };
const ndjson = (documents: readonly unknown[]) =>
  `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`;

beforeAll(async () => {
  folder = await temporaryFolder('city-units');
  await writeFile(join(folder.path, 'estates.ndjson'), ndjson(qinzhouFictionalEstates));
  await writeFile(join(folder.path, 'harbour.json'), JSON.stringify({ ...qinzhouPlan, id: 'harbour-2030' }));
});
afterAll(() => folder.remove());

const plan = (planReference: string, options: { registry?: typeof registry } = {}) =>
  runInProcess(['plan', '--estates', 'estates.ndjson', '--plan', planReference], {
    cwd: folder.path,
    ...options,
  });
const workload = (stdout: string) => stdout.match(/各部门整改（项）: .*$/m)?.[0] ?? '';

describe('plan: the city’s units come from the plugins of the registry it was given', () => {
  test('an embedder’s city: its units beside the departments under its plan', async () => {
    const outcome = await plan('harbour.json', { registry });
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(workload(outcome.stdout)).toMatch(/住房城乡建设部门（港城住房和城乡建设局） \d+/);
    expect(outcome.stdout).not.toContain('市住房城乡建设局');
  });

  test('the same plan with the built-in registry: the rule set’s departments alone', async () => {
    const outcome = await plan('harbour.json');
    expect(outcome.code).toBe(0);
    expect(workload(outcome.stdout)).toMatch(/住房城乡建设部门 \d+/);
    expect(outcome.stdout).not.toContain('港城住房和城乡建设局');
  });

  test('Qinzhou’s plan beside the embedder’s city: Qinzhou’s units, as with the built-in registry', async () => {
    const embedded = await plan('qinzhou-2021', { registry });
    const builtIn = await plan('qinzhou-2021');
    expect(workload(embedded.stdout)).toMatch(/住房城乡建设部门（市住房城乡建设局） \d+/);
    expect(workload(embedded.stdout)).toMatch(/公安部门（市公安局） \d+/);
    expect(embedded.stdout).toBe(builtIn.stdout);
  });
});
