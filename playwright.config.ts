import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Run through `npm test` (scripts/test.ts prepares the database, secrets and build).
// Browser: Debian's Chromium by default (these machines cannot download Playwright's own);
// set CHROMIUM_PATH to another binary, or CHROMIUM_PATH= (empty) after `npx playwright install chromium`.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  workers: 1, // the accounts' one-time codes are shared state: one login at a time
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'nl-NL',
    launchOptions: {
      executablePath: chromium && existsSync(chromium) ? chromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `node_modules/.bin/next start -p ${port}`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
