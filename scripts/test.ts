// npm test — every test: unit, integration (real PostgreSQL, a fresh database per run) and
// end-to-end (Playwright in Chromium against a production build). PostgreSQL comes from
// DATABASE_URL when set (only its server is used: the run creates its own databases), else an
// embedded one under .data/test-pg. Prints one closing line "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfNeeded, generateClientIfNeeded } from './build-if-needed';
import { type DatabaseServer, openDatabaseServer } from './database-server';
import { freePort } from './embedded-db';
import { generateSecrets } from './local-secrets';

const root = process.cwd();
const only = process.argv[2] as 'unit' | 'integration' | 'e2e' | undefined;
/** After the layer, files or filters for that layer's runner: `npm test -- e2e tests/e2e/upload.spec.ts`. */
const extra = only ? process.argv.slice(3) : [];
const runId = `${Date.now().toString(36)}_${process.pid}`;
let server: DatabaseServer | undefined;

type Count = { passed: number; failed: number };

/** Runs a test runner with the terminal as its output; resolves with its exit code. Never blocks the
 * event loop, so a build in the background goes on meanwhile. */
function run(cmd: string, args: string[], env: Record<string, string>): Promise<number> {
  const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' } });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

function readJson(file: string) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

async function main(): Promise<Count> {
  const total: Count = { passed: 0, failed: 0 };
  generateClientIfNeeded(root);
  server = await openDatabaseServer('test-pg', 54339);
  const secrets = generateSecrets();
  const out = path.join(os.tmpdir(), `gp-test-${runId}`);

  // Unit tests first: they use both cores. The production build for the end-to-end tests then runs
  // beside the integration tests, which go one file at a time and mostly wait on PostgreSQL.
  // Tests script many views at machine speed; the detector of differencing patterns still records them,
  // but only the tests of the slowdown itself wait it out (they set VIEW_SLOW_SECONDS; docs/view-budget.md).
  const vitestEnv: Record<string, string> =
    only === 'e2e'
      ? {}
      : {
          DATABASE_URL: await server.fresh('test'),
          UPLOAD_DIR: path.join(out, 'uploads-vitest'),
          VIEW_SLOW_SECONDS: '0',
        };
  const vitest = async (project: 'unit' | 'integration') => {
    const file = path.join(out, `vitest-${project}.json`);
    const code = await run(
      path.join(root, 'node_modules/.bin/vitest'),
      ['run', '--project', project, ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
      { ...secrets, ...vitestEnv },
    );
    const r = readJson(file);
    total.passed += r?.numPassedTests ?? 0;
    total.failed += r ? r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0) : 1;
  };
  if (!only || only === 'unit') await vitest('unit');
  const built = !only || only === 'e2e' ? buildIfNeeded(root, { quiet: true }) : undefined;
  // a failed build is reported where the end-to-end tests need it, not as an unhandled rejection meanwhile
  built?.catch(() => undefined);
  if (!only || only === 'integration') await vitest('integration');

  if (!only || only === 'e2e') {
    const url = await server.fresh('e2e');
    const { seedDemo } = await import('@/prisma/seed/seed-demo');
    const { closeDb } = await import('@/lib/db');
    Object.assign(process.env, secrets, { DATABASE_URL: url, UPLOAD_DIR: path.join(out, 'uploads-e2e') });
    await seedDemo();
    await closeDb();
    await built;
    const port = await freePort(3100);
    const file = path.join(out, 'playwright.json');
    const code = await run(path.join(root, 'node_modules/.bin/playwright'), ['test', ...extra], {
      ...secrets,
      DATABASE_URL: url,
      UPLOAD_DIR: path.join(out, 'uploads-e2e'),
      E2E_PORT: String(port),
      // single sign-on sessions re-ask the test identity provider every 5 s (tests/e2e/sso.spec.ts)
      SSO_RECHECK_SECONDS: '5',
      APP_URL: `http://localhost:${port}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    });
    const r = readJson(file);
    total.passed += r?.stats?.expected ?? 0;
    total.failed += r ? r.stats.unexpected + (code !== 0 && r.stats.unexpected === 0 ? 1 : 0) : 1;
  }
  rmSync(out, { recursive: true, force: true });
  return total;
}

async function cleanup() {
  await server?.close();
}

main()
  .then(async ({ passed, failed }) => {
    await cleanup();
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  })
  .catch(async (err) => {
    console.error(err);
    await cleanup();
    process.exit(1);
  });
