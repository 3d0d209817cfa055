import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// Every pooled connection runs as the application role (startup option `role`): no BYPASSRLS,
// and no UPDATE/DELETE on the audit log. The connecting user only needs membership of that role.
function createClient() {
  const { DATABASE_URL, DATABASE_APP_ROLE } = env();
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, options: `-c role=${DATABASE_APP_ROLE}`, max: 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { gpDb?: PrismaClient };

/** The Prisma client, created on first use (so importing this module needs no configuration). */
export function db(): PrismaClient {
  globalForDb.gpDb ??= createClient();
  return globalForDb.gpDb;
}

export type Db = PrismaClient;
export { Prisma } from '@/lib/generated/prisma/client';
