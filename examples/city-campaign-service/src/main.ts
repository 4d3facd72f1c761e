import { openEventStore } from './open-event-store.js';
import { startCampaignService } from './server.js';

// SQLite by default (the file CAMPAIGN_DB, campaign.db here); PostgreSQL when DATABASE_URL is a connection
// string. HOST and PORT come from the environment, as in the rubric service.
const store = await openEventStore(process.env.DATABASE_URL || process.env.CAMPAIGN_DB || 'campaign.db');
const { url, server } = await startCampaignService({
  store,
  ...(process.env.HOST ? { host: process.env.HOST } : {}),
  ...(process.env.PORT ? { port: Number(process.env.PORT) } : {}),
});
console.log(`city campaign service (${store.kind}) on ${url}`);
console.log(`  curl -s ${url}/applications/jiaxingyuan-1`);
console.log(`  curl -s ${url}/campaign/2021`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => void store.close());
    server.closeIdleConnections();
  });
}
