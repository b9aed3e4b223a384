import { defineConfig, devices } from '@playwright/test';

/*
 * Real chromium (Debian's: never download a browser), real server (one per worker, started by the
 * `server` fixture in support/fixtures.ts), the PWA as built into web/dist (`npm test` builds it first).
 */
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  // Two cores: two workers, each with its own server and up to two browser contexts. One worker would
  // take the suite past three minutes; two have been stable (CI still retries once).
  workers: 2,
  fullyParallel: false,
  retries: ci ? 1 : 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: ci,
  outputDir: '../test-results',
  use: {
    ...devices['Desktop Chrome'],
    trace: ci ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
