import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { createServices, type Services } from './services';
import { attachSync, type SyncServer } from './sync/server';
import { watchDrafts } from './projections/documents';
import { moveAllCustomersOut } from './customers/migrate';
import { preloadDocuments } from './documents';
import { jobs, startScheduler } from './jobs';
// Modules whose jobs register themselves (registerJob) when loaded.
import './quotes/follow-ups';
import './billing/jobs';
import './dunning/job';

export interface Running {
  services: Services;
  sync: SyncServer;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Starts HTTP + WebSocket sync on one port. Port 0 picks a free one (tests, which may also give the clock). */
export async function startServer(config: Config = loadConfig(), now?: () => Date): Promise<Running> {
  const services = await createServices(config, now);
  preloadDocuments(); // the business rules asked at issue, and the archive's PDF and XML
  watchDrafts(services);
  const app = createApp(services);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: process.env.HOST ?? '0.0.0.0' }, () => resolve(s as Server));
  });
  const port = (server.address() as AddressInfo).port;
  if (config.port === 0) {
    // The WebAuthn origin follows the port actually taken.
    config.origins[0] = `http://localhost:${port}`;
  }
  const sync = attachSync(services, server);
  // Automation (reminders, follow-ups, expiries) at the injected clock's time; the registry fills as modules load.
  const scheduler = startScheduler(services, jobs, { intervalMs: config.schedulerMs ?? 60_000 });
  // Every company's chain is checked in the background; a broken one is not served until an owner acknowledges it.
  // Then customers still held by workspaces of earlier builds move into documents of their own.
  const startup = services.integrity.checkAll((b) => console.warn(`audit log of company ${b.companyId} is broken at entry ${b.companySeq} (log seq ${b.seq}): ${b.reason}. It is not served until an owner acknowledges it.`))
    .catch((e: unknown) => console.error('audit log check failed:', e))
    .then(() => moveAllCustomersOut(services))
    .then((moved) => {
      for (const m of moved ?? []) console.log(`company ${m.companyId}: ${m.moved} customers moved into documents of their own (sealed under their own keys); its workspace history before now was compacted`);
    })
    .catch((e: unknown) => console.error('moving customers out of workspaces failed:', e))
    // Then documents issued while no archiver ran get their PDF and XML files, in the background.
    .then(() => services.archiver.start())
    .then((missing) => {
      if (missing) console.log(`${missing} issued documents have no archived files yet: producing them in the background`);
    })
    .catch((e: unknown) => console.error('looking for documents to archive failed:', e));
  return {
    services, sync, port, url: `http://localhost:${port}`,
    async close() {
      await startup;
      await scheduler.stop();
      await services.archiver.stop();
      await sync.close();
      await new Promise<void>((r) => server.close(() => r()));
      await services.log.close();
      services.db.close();
    },
  };
}
