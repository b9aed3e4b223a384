import { test as base, expect } from '@playwright/test';
import { Person } from './person';
import { startTestServer, type TestServer } from './server';

/*
 * Each worker gets its own real server (fresh data dir, so its own demo company); tests in a worker
 * run one after another and give every person a unique name, so they never read each other's data.
 */
interface WorkerFixtures {
  server: TestServer;
}

interface TestFixtures {
  /** Creates a person with a browser context and authenticator of their own; closed after the test. */
  person: (name: string, opts?: { canGoOffline?: boolean }) => Promise<Person>;
  /** A person who registered through a fresh one-time owner invitation of the demo company. */
  demoOwner: (name: string, opts?: { canGoOffline?: boolean }) => Promise<{ owner: Person; companyId: string }>;
  /** A short random tag that keeps names unique within a server. */
  tag: string;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument.
    async ({}, use) => {
      const server = await startTestServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
  person: async ({ browser, server }, use) => {
    const people: Person[] = [];
    await use(async (name, opts) => {
      const p = await Person.create(browser, server.url, name, opts);
      people.push(p);
      return p;
    });
    await Promise.all(people.map((p) => p.close()));
  },
  demoOwner: async ({ server, person }, use) => {
    await use(async (name, opts) => {
      // The CLI takes seconds to start: it runs while the browser context is being made.
      const [link, owner] = await Promise.all([server.demoInvite(), person(name, opts)]);
      const companyId = await owner.registerWith(link);
      return { owner, companyId };
    });
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument.
  tag: async ({}, use) => {
    await use(Math.random().toString(36).slice(2, 7));
  },
});

export { expect };
