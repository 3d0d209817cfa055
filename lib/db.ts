import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { env } from '@/lib/env';
import { PrismaClient } from '@/lib/generated/prisma/client';

// Every pooled connection runs as the application role (startup option `role`): no BYPASSRLS,
// and no UPDATE/DELETE on the audit log. The connecting user only needs membership of that role.
function createClient() {
  const { DATABASE_URL, DATABASE_APP_ROLE } = env();
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, options: `-c role=${DATABASE_APP_ROLE}`, max: 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { gpDb?: PrismaClient; gpPool?: pg.Pool };

/** The Prisma client, created on first use (so importing this module needs no configuration). */
export function db(): PrismaClient {
  globalForDb.gpDb ??= createClient();
  return globalForDb.gpDb;
}

/**
 * A plain pg pool under the same application role, for what Prisma cannot do (COPY for bulk import),
 * and for what runs on every dashboard request (the indicator statements, the audit line), where
 * Prisma costs about a millisecond more per call (npm run bench:dashboard).
 */
export function pgPool(): pg.Pool {
  const { DATABASE_URL, DATABASE_APP_ROLE } = env();
  if (!globalForDb.gpPool) {
    globalForDb.gpPool = new pg.Pool({
      connectionString: DATABASE_URL,
      options: `-c role=${DATABASE_APP_ROLE}`,
      max: 10,
    });
    // An idle connection dropped by the server (restart, failover) must not take the process down.
    globalForDb.gpPool.on('error', (err) => console.error(`[db] verbinding verbroken: ${err.message}`));
  }
  return globalForDb.gpPool;
}

/** Closes both connection pools (command-line tools call this before they exit). */
export async function closeDb(): Promise<void> {
  await globalForDb.gpDb?.$disconnect();
  await globalForDb.gpPool?.end();
  globalForDb.gpDb = undefined;
  globalForDb.gpPool = undefined;
}

export type Db = PrismaClient;
export { Prisma } from '@/lib/generated/prisma/client';
