import path from 'node:path';
import pg from 'pg';
import { migrate } from '@/lib/db/migrate';
import { ensureDatabase, startEmbeddedDb } from './embedded-db';

// A PostgreSQL server for tests and benchmarks: the one of DATABASE_URL (only its server is used),
// else an embedded one under .data/<name>. Each run makes its own databases and drops them
// (a kept one excepted).
export type DatabaseServer = {
  fresh: (kind: string) => Promise<string>;
  /** A database that outlives the run (gp_<kind>_kept), migrated, for measuring again without rebuilding it. */
  kept: (kind: string) => Promise<string>;
  close: () => Promise<void>;
};

export async function openDatabaseServer(embeddedDir: string, embeddedPort: number): Promise<DatabaseServer> {
  const given = process.env.DATABASE_URL;
  const embedded = given
    ? undefined
    : await startEmbeddedDb(path.join(process.cwd(), '.data', embeddedDir), embeddedPort);
  const serverUrl = (db: string) => {
    if (embedded) return embedded.serverUrl(db);
    const u = new URL(given!);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const created: string[] = [];
  return {
    async fresh(kind) {
      const name = `gp_${kind}_${runId}`;
      await ensureDatabase(serverUrl, name);
      created.push(name);
      await migrate(serverUrl(name));
      return serverUrl(name);
    },
    async kept(kind) {
      const name = `gp_${kind}_kept`;
      await ensureDatabase(serverUrl, name);
      await migrate(serverUrl(name));
      return serverUrl(name);
    },
    async close() {
      const client = new pg.Client({ connectionString: serverUrl('postgres') });
      await client.connect().catch(() => undefined);
      for (const name of created)
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await client.end().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
