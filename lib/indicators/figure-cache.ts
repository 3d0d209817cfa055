import { AsyncLocalStorage } from 'node:async_hooks';
import { describeScope, type Scope } from '@/lib/access/scope';
import { readScoped } from '@/lib/access/with-scope';
import type { Prisma } from '@/lib/db';
import { env } from '@/lib/env';
import { limiter } from '@/lib/promises';

// Indicator figures change only when trajectory data does, which happens in the nightly import and
// nowhere else a user can trigger. So the raw counts of a statement are kept in memory, keyed by
// - the data generation (data_generation, raised by a trigger in every transaction that writes
//   trajectory, whichever process or job writes it: a new generation is a different key, and the
//   first reader of a new generation empties the cache);
// - the scope, written out (kind and municipalities or provider): a cached figure can only be
//   returned to a scope that would read exactly the same rows, never across tenants;
// - the statement and its parameters, which hold everything else the result depends on.
// The disclosure control runs after the cache, on every request, as before.
// The generation is read in the figures' own transaction and snapshot, in the round trip that opens
// it (readScoped): a hit costs that one round trip, a miss one more for the statement, and figures are
// always kept under the generation of the data they were computed from. Both go over the plain pg
// pool, not Prisma: its interactive transaction costs about a millisecond more per request (npm run
// bench:dashboard).

/** At most this many rows in memory (tens of MB); the least recently used tables go first. */
const MAX_ROWS = 200_000;
const entries = new Map<string, unknown[]>();
/**
 * Statements running now, by the same key: a second request for the same figure waits for the first
 * instead of running it again. After an import every figure is new, and in the load test of
 * bench:dashboard (200 requests at once from a few scopes) many requests missed the same figure at once.
 */
const running = new Map<string, Promise<unknown[]>>();
let cachedRowCount = 0;
let cachedGeneration: string | null = null;

const keyOf = (generation: string, scope: Scope, sql: Prisma.Sql) =>
  JSON.stringify([generation, describeScope(scope), sql.sql, sql.values], (_k, v) =>
    typeof v === 'bigint' ? v.toString() : v,
  );

const background = new AsyncLocalStorage<true>();
let backgroundTurns: ReturnType<typeof limiter> | undefined;

/**
 * Runs `fn` with its figures in the background: a statement that is not kept waits its turn, at most
 * FIGURES_IN_BACKGROUND_AT_ONCE at once in this process. For what a page shows after its main content
 * (the overview's cards after the first): a region's 26 such statements all at once took both cores
 * from the portal while it rendered and sent the first card (docs/benchmarks.md). What a page waits for
 * is never queued, and neither is a figure that is kept or already being computed.
 */
export const inBackground = <T>(fn: () => Promise<T>): Promise<T> => background.run(true, fn);

/** The rows of `sql` read as `scope` (its where-clause and row-level security), from memory when the data has not changed since. */
export async function cachedRows<T>(scope: Scope, sql: Prisma.Sql): Promise<T[]> {
  if (!background.getStore()) return readRows<T>(scope, sql);
  // Kept, or being computed, under the last generation seen: no turn needed (the key is only built here, off the page's own path).
  if (cachedGeneration !== null) {
    const key = keyOf(cachedGeneration, scope, sql);
    if (entries.has(key) || running.has(key)) return readRows<T>(scope, sql);
  }
  backgroundTurns ??= limiter(env().FIGURES_IN_BACKGROUND_AT_ONCE);
  return backgroundTurns(() => readRows<T>(scope, sql));
}

async function readRows<T>(scope: Scope, sql: Prisma.Sql): Promise<T[]> {
  const found = await readScoped(
    scope,
    'SELECT generation::text AS generation FROM data_generation',
    async (client, [first]): Promise<{ rows: unknown[] } | { wait: Promise<unknown[]> }> => {
      const current = String(first.generation);
      if (current !== cachedGeneration) {
        entries.clear();
        cachedRowCount = 0;
        cachedGeneration = current;
      }
      const key = keyOf(current, scope, sql);
      const hit = entries.get(key);
      if (hit) {
        // Least recently used goes first: re-insert to move to the end.
        entries.delete(key);
        entries.set(key, hit);
        return { rows: hit };
      }
      // The same statement for the same scope under the same generation is running: the same rows
      // (a generation is the data: every write raises it). Waited for outside this transaction, so the
      // connection goes back to the pool meanwhile.
      const other = running.get(key);
      if (other) return { wait: other };
      const query = client.query(sql.text, sql.values).then((r) => r.rows as unknown[]);
      running.set(key, query);
      try {
        const rows = await query;
        if (cachedGeneration === current) keep(key, rows);
        return { rows };
      } finally {
        running.delete(key);
      }
    },
  );
  // shared: callers read, never change
  return ('rows' in found ? found.rows : await found.wait) as T[];
}

function keep(key: string, rows: unknown[]) {
  cachedRowCount += rows.length - (entries.get(key)?.length ?? 0);
  entries.set(key, rows);
  for (const [oldest, oldRows] of entries) {
    if (cachedRowCount <= MAX_ROWS) break;
    entries.delete(oldest);
    cachedRowCount -= oldRows.length;
  }
}
