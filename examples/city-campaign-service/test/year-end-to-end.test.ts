// A fictional city's 2021 round (test/year-2021.ts) end to end, the three ways a city would meet it: the
// library (fold each log, each tier's reviewed result, the year's view), this service (the events posted,
// the logs and GET /campaign/2021 read back), and the command (`evaluate`, `report --application`, `forms
// application` per estate, `forms summary`, `campaign`, run in-process on the logs the service gave back).
// They must agree on the year, and every form and report must be produced. SQLite only: the PostgreSQL suites
// already cover the store.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInPlugins, run } from '@sunshine-rubric/cli';
import { createRegistry, definePlugin, evaluate } from '@sunshine-rubric/core';
import { foldApplication, foldCampaignYear, reviewedResult } from '@sunshine-rubric/core/workflow';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStore, type EventStore } from '../src/event-store.js';
import { startCampaignService } from '../src/server.js';
import { openSqliteEventLog } from '../src/sqlite-event-log.js';
import { asOf, cityPluginName, missingDocument, plan, standards, workflow, year2021 } from './year-2021.js';

const options = { plan, ruleSet: guangxi2021, workflow };
/** The command as the city's system embeds it: the built-in plugins and the city's own, with its workflow. */
const registry = createRegistry({
  plugins: [...builtInPlugins, definePlugin({ name: cityPluginName, apiVersion: 1, workflow })],
});

let folder: string;
let store: EventStore;
let server: Server;
let base: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'campaign-year-'));
  store = createEventStore(openSqliteEventLog(join(folder, 'campaign.db')), options);
  ({ server, url: base } = await startCampaignService({ store, port: 0 }));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: folder,
    env: {},
    isTTY: false,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  };
  const code = await run(args, io, { registry });
  return { code, stdout, stderr };
}

async function json(path: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, init);
  return (await response.json()) as Record<string, unknown>;
}

/** Every text in the first sheet of a workbook, read back with the workbook reader (exceljs). */
async function sheetTexts(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(folder, file));
  const texts: string[] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    row.eachCell((cell) => {
      texts.push(String(cell.value));
    });
  });
  return texts.join('\n');
}

const byId = <T extends { id: string }>(entries: readonly T[]) =>
  [...entries].sort((a, b) => a.id.localeCompare(b.id));

describe('a fictional city’s year, end to end: library, service and command agree', () => {
  it('folds, serves, reports and fills in the forms of the same round', { timeout: 60_000 }, async () => {
    // The service: each estate's steps posted, then its log and the city's view read back.
    for (const { id, events } of year2021) {
      const posted = await json(`/applications/${encodeURIComponent(id)}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ expectedVersion: 0, events }),
      });
      expect(posted, id).toEqual({ applicationId: id, version: events.length });
    }
    const logs = new Map<string, unknown[]>();
    for (const { id } of year2021) {
      const { events } = (await json(`/applications/${encodeURIComponent(id)}/events`)) as {
        events: { event: unknown }[];
      };
      logs.set(
        id,
        events.map(({ event }) => event),
      );
    }
    const served = (await json(`/campaign/2021?asOf=${asOf}`)) as {
      summary: ReturnType<typeof foldCampaignYear>;
    };

    // The library, on the logs the service stored.
    const applications = year2021.map(({ id }) => ({ id, events: logs.get(id)! }));
    const view = foldCampaignYear(applications, { ...options, year: 2021, asOf });
    expect(view.refused).toEqual([]);
    for (const { id, assessment, ends, disagreements } of year2021) {
      // Every estate cites its evidence in full, but one, which lacks one document of one standard.
      expect(evaluate(guangxi2021, assessment).unevidenced, id).toEqual(
        id === missingDocument.estate ? [missingDocument.standard] : [],
      );
      const state = foldApplication(logs.get(id)!, options);
      expect(state.status, id).toBe(ends);
      const review = reviewedResult(guangxi2021, evaluate(guangxi2021, assessment), state);
      const reasons = review.tiers.flatMap((tier) => tier.differences.map((difference) => difference.reason));
      expect(reasons.filter((reason) => reason !== undefined)).toEqual(disagreements);
    }
    const twoTiers = reviewedResult(
      guangxi2021,
      evaluate(guangxi2021, year2021[1]!.assessment),
      foldApplication(logs.get('示例二区')!, options),
    );
    // The city found the CCTV short, the region did not but found the greening short: each tier's own
    // disagreement, and the region's verdict stands over the self-check.
    expect(
      twoTiers.tiers.flatMap((tier) =>
        tier.differences.map(({ standardId }) => `${tier.tier} ${standardId}`),
      ),
    ).toEqual([`city ${standards.cctv}`, `region ${standards.greening}`]);
    expect(twoTiers.differences.map(({ standardId }) => standardId)).toEqual([standards.greening]);
    expect(view).toMatchObject({
      applications: 12,
      byStatus: { certified: 6, revoked: 1, returned: 1, applied: 1, 'city-review-passed': 1 },
      returned: [{ id: '示例六区', reasons: ['材料不全'] }],
    });
    expect(view.late.map(({ id }) => id).sort()).toEqual(['示例七区', '示例八区', '示例四区'].sort());

    // The service's view is the library's.
    const { summary } = served;
    expect(summary.applications).toBe(view.applications);
    expect(summary.byStatus).toEqual(view.byStatus);
    expect(byId(summary.late)).toEqual(byId(JSON.parse(JSON.stringify(view.late))));
    expect(byId(summary.returned)).toEqual(byId(view.returned));
    expect(byId(summary.certified)).toEqual(byId(view.certified));
    expect(summary.progress).toEqual(view.progress);

    // The command, on the same logs: one file per estate, as `report --application` reads them.
    mkdirSync(join(folder, 'logs'));
    mkdirSync(join(folder, 'estates'));
    for (const { id, assessment } of year2021) {
      writeFileSync(join(folder, 'logs', `${id}.json`), JSON.stringify(logs.get(id)));
      writeFileSync(join(folder, 'estates', `${id}.json`), JSON.stringify(assessment));
    }
    writeFileSync(join(folder, 'plan.json'), JSON.stringify(plan));
    writeFileSync(
      join(folder, 'applications.json'),
      JSON.stringify(
        year2021.map(({ id, assessment }) => ({ id, events: logs.get(id), community: assessment.community })),
      ),
    );
    const year = ['--year', '2021', '--plan', 'plan.json', '--workflow', cityPluginName, '--as-of', asOf];
    const campaign = await cli('campaign', 'logs', ...year, '--format', 'json');
    expect(campaign.stderr).toBe('');
    expect(campaign.code).toBe(0);
    const fromCommand = JSON.parse(campaign.stdout);
    expect(fromCommand).toMatchObject({ applications: 12, byStatus: summary.byStatus, refused: [] });
    expect(byId(fromCommand.late)).toEqual(byId(summary.late));
    expect(byId(fromCommand.returned)).toEqual(byId(summary.returned));
    expect(byId(fromCommand.certified)).toEqual(byId(summary.certified));
    expect(fromCommand.progress).toEqual(summary.progress);
    const page = await cli(
      'campaign',
      'applications.json',
      ...year,
      '--format',
      'html',
      '--out',
      'year.html',
    );
    expect(page.code).toBe(0);
    const yearPage = await readFile(join(folder, 'year.html'), 'utf8');
    expect(yearPage).toContain(`各环节期限依据：${cityPluginName} 插件`);
    expect(yearPage).toContain('示例八区（已申报）：市级初审期限 2021-10-31（草拟）已过，尚未完成');

    const evaluated = await cli(
      'evaluate',
      ...year2021.map(({ id }) => `estates/${id}.json`),
      '--format',
      'json',
    );
    expect(evaluated.code).toBe(0);
    for (const { id, assessment, disagreements } of year2021) {
      // The revoked estate's log folds only under the city's workflow, which allows revocation.
      const log = [`logs/${id}.json`, '--workflow', cityPluginName];
      const report = await cli(
        'report',
        `estates/${id}.json`,
        '--application',
        ...log,
        '--out',
        `${id}.html`,
      );
      expect(report.stderr, id).toBe('');
      const html = await readFile(join(folder, `${id}.html`), 'utf8');
      expect(html).toContain(assessment.community.name);
      for (const reason of disagreements) expect(html).toContain(reason);
      const missing = `缺少佐证材料：《${missingDocument.kind}》`;
      if (id === missingDocument.estate) expect(html).toContain(missing);
      else expect(html).not.toContain('缺少佐证材料');
      const form = await cli(
        'forms',
        'application',
        `estates/${id}.json`,
        '--application',
        ...log,
        '--out',
        `${id}.xlsx`,
      );
      expect(form.stderr, id).toBe('');
      expect(form.code, id).toBe(0);
      const texts = await sheetTexts(`${id}.xlsx`);
      expect(texts).toContain(assessment.community.name);
      for (const reason of disagreements) expect(texts).toContain(reason);
      // The form's evidence list: the documents cited, and the one missing.
      expect(texts).toContain(`${id}-监控点位布置图.pdf`);
      if (id === missingDocument.estate) expect(texts).toContain(missing);
      else expect(texts).not.toContain(missing);
    }
    expect(evaluated.stdout).toContain('"eligible": true');

    const table = await cli('forms', 'summary', 'applications.json', ...year, '--out', 'summary.xlsx');
    expect(table.code).toBe(0);
    const summaryTexts = await sheetTexts('summary.xlsx');
    for (const { id } of year2021) expect(summaryTexts).toContain(id);
    expect(summaryTexts).toContain('材料不全');
  });
});
