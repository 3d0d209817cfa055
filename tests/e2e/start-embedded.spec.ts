import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** `npm start` as on a fresh machine (no DATABASE_URL, no secrets), with `extra` in its environment, up and welcoming. */
async function startDemo(extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gp-start-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extra,
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
  const demo = {
    child,
    port,
    pgPort,
    output: () => output,
    /** Ctrl-C, then the data directory goes. */
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await expect
      .poll(() => (child.exitCode === null ? output : `beëindigd: ${output}`), { timeout: 180_000, intervals: [500] })
      .toContain(`draait op http://localhost:${port}`);
    // the account list follows the address in a later write: wait for it rather than read at once
    await expect.poll(() => output, { timeout: 10_000 }).toContain('beheer@gemeenteportaal.demo');
  } catch (err) {
    await demo.stop();
    throw err;
  }
  return demo;
}

/** The web server processes npm start runs (below it: tsx runs the script in a child), with their environment and CPU time so far. */
function webServers(start: ChildProcess) {
  const parents = new Map<number, number>();
  for (const line of execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid) parents.set(pid, ppid);
  }
  const below = (pid: number): boolean => {
    const parent = parents.get(pid);
    return parent === start.pid || (parent !== undefined && parent > 1 && below(parent));
  };
  const pids = [...parents.keys()].filter(
    (pid) => below(pid) && /next\/dist\/bin\/next|next-server/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')),
  );
  return pids.map((pid) => ({
    pid,
    env: readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0'),
    // utime + stime in clock ticks (proc(5)): fields 14 and 15, after the command's ")"
    cpu: () => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]);
    },
  }));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('npm start comes up on an embedded database with demo data, and Ctrl-C stops it', async ({ request }) => {
  test.setTimeout(240_000);
  const demo = await startDemo();
  try {
    expect(demo.output()).toContain('Demodata geladen.');
    expect((await request.get(`http://localhost:${demo.port}/api/health`)).status()).toBe(200);
    expect((await request.get(`http://localhost:${demo.port}/inloggen`)).status()).toBe(200);
    expect(await portOpen(demo.pgPort)).toBe(true);
  } finally {
    await demo.stop();
  }
  expect(await portOpen(demo.port)).toBe(false);
  expect(await portOpen(demo.pgPort)).toBe(false);
});

test('WEB_PROCESSES=2: two web server processes answer on one port, only the first runs the jobs, Ctrl-C stops both', async ({
  request,
}) => {
  test.setTimeout(240_000);
  const demo = await startDemo({ WEB_PROCESSES: '2' });
  let servers: ReturnType<typeof webServers> = [];
  try {
    expect(demo.output()).toContain('2 webserverprocessen');
    servers = webServers(demo.child);
    expect(servers).toHaveLength(2);
    // The nightly import and the test files run in one process (scripts/web-processes.ts).
    expect(servers.map((s) => s.env.find((e) => e.startsWith('JOBS_IN_SERVER='))).sort()).toEqual([
      'JOBS_IN_SERVER=aan',
      'JOBS_IN_SERVER=uit',
    ]);
    // Connections go to each process in turn: both render pages.
    const before = servers.map((s) => s.cpu());
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => request.get(`http://localhost:${demo.port}/inloggen`)),
    );
    expect(answers.map((a) => a.status())).toEqual(answers.map(() => 200));
    const used = servers.map((s, i) => s.cpu() - before[i]);
    expect(
      used.every((ticks) => ticks > 0),
      `processortijd per proces: ${used.join(', ')}`,
    ).toBe(true);
  } finally {
    await demo.stop();
  }
  expect(servers.filter((s) => alive(s.pid))).toEqual([]);
  expect(await portOpen(demo.port)).toBe(false);
  expect(await portOpen(demo.pgPort)).toBe(false);
});
