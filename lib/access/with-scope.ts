import type pg from 'pg';
import { db, pgPool } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Scope } from './scope';

export type Tx = Prisma.TransactionClient;

// Row-level security is the second line of defence behind the where-clauses: the policy on
// client-level tables reads these transaction-local settings (see the init migration).
function settingsFor(scope: Scope | 'system') {
  if (scope === 'system') return { kind: 'system', aanbieder: '', gemeenten: '' };
  switch (scope.kind) {
    case 'aanbieder':
      return { kind: 'aanbieder', aanbieder: scope.aanbiederId, gemeenten: '' };
    case 'gemeente':
      return { kind: 'gemeente', aanbieder: '', gemeenten: scope.gemeenteCodes.join(',') };
    case 'ttp':
      return { kind: 'ttp', aanbieder: '', gemeenten: '' }; // sees no client-level rows
  }
}

/** Runs `fn` in one transaction in which client-level rows outside `scope` are invisible. */
export function withScope<T>(scope: Scope | 'system', fn: (tx: Tx) => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const s = settingsFor(scope);
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.scope_kind', ${s.kind}, true),
        set_config('app.scope_aanbieder', ${s.aanbieder}, true),
        set_config('app.scope_gemeenten', ${s.gemeenten}, true)`;
      return fn(tx);
    },
    { timeout: timeoutMs, maxWait: 10_000 },
  );
}

const settingsSql = (client: pg.PoolClient, s: ReturnType<typeof settingsFor>) => {
  const lit = (v: string) => client.escapeLiteral(v);
  return `SELECT set_config('app.scope_kind', ${lit(s.kind)}, true), set_config('app.scope_aanbieder', ${lit(s.aanbieder)}, true), set_config('app.scope_gemeenten', ${lit(s.gemeenten)}, true)`;
};

/** The same on a plain pg connection (bulk COPY, which Prisma cannot do): one transaction, one connection. */
export async function withScopedClient<T>(
  scope: Scope | 'system',
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const s = settingsFor(scope);
  const client = await pgPool().connect();
  try {
    // BEGIN and the settings in one round trip (a query without parameters may hold two statements);
    // each round trip costs ~0.3 ms here, more than a small dashboard's statement saves (bench:dashboard).
    await client.query(`BEGIN; ${settingsSql(client, s)}`);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * A read-only transaction as `scope` for the dashboards' hot path, in as few round trips as it can:
 * BEGIN, the settings and `first` (a statement without parameters) go together, and `fn` gets the rows
 * of `first`. One snapshot for the whole transaction (repeatable read), so what `first` read and what
 * `fn` reads belong together. The answer does not wait for the COMMIT (a read-only transaction's
 * commit changes nothing): the connection goes back to the pool when it is done, and a connection whose
 * COMMIT failed is discarded. Each round trip costs ~0.3 ms here (bench:dashboard).
 */
export async function readScoped<T>(
  scope: Scope,
  first: string,
  fn: (client: pg.PoolClient, firstRows: Record<string, unknown>[]) => Promise<T>,
): Promise<T> {
  const client = await pgPool().connect();
  let result: T;
  try {
    const results = (await client.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${settingsSql(client, settingsFor(scope))}; ${first}`,
    )) as unknown as pg.QueryResult[];
    result = await fn(client, results[2].rows);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    throw err;
  }
  client.query('COMMIT').then(
    () => client.release(),
    (err: Error) => client.release(err),
  );
  return result;
}
