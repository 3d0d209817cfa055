import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// `npm start` without DATABASE_URL: embedded PostgreSQL, migrations, demo seed, portal up;
// Ctrl-C stops the portal and the database. (The build exists already: npm test built it.)
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = net
      .connect(port, '127.0.0.1')
      .once('connect', () => {
        c.destroy();
        resolve(true);
      })
      .once('error', () => resolve(false));
  });

test('npm start comes up on an embedded database with demo data, and Ctrl-C stops it', async ({ request }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gp-start-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    GP_DATA_DIR: dataDir,
    GP_EMBEDDED_PG_PORT: String(pgPort),
  };
  for (const k of [
    'DATABASE_URL',
    'NEXTAUTH_SECRET',
    'DATA_ENCRYPTION_KEY',
    'PSEUDONYM_KEY',
    'CELL_KEY_SECRET',
    'APP_URL',
    'NEXTAUTH_URL',
  ])
    delete env[k];
  const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    await expect
      .poll(() => (child.exitCode === null ? output : `beëindigd: ${output}`), { timeout: 180_000, intervals: [500] })
      .toContain(`draait op http://localhost:${port}`);
    expect(output).toContain('Demodata geladen.');
    // the account list follows the address in a later write: wait for it rather than read at once
    await expect.poll(() => output, { timeout: 10_000 }).toContain('beheer@gemeenteportaal.demo');
    expect((await request.get(`http://localhost:${port}/api/health`)).status()).toBe(200);
    expect((await request.get(`http://localhost:${port}/inloggen`)).status()).toBe(200);
    expect(await portOpen(pgPort)).toBe(true);
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
  }
  expect(await portOpen(port)).toBe(false);
  expect(await portOpen(pgPort)).toBe(false);
  rmSync(dataDir, { recursive: true, force: true });
});
