import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { trajectoryScopeSql } from '@/lib/access/trajectory-scope';
import { Prisma } from '@/lib/db';
import { keyedCount } from '@/lib/indicators/cell-key-sql';
import { protectCount } from '@/lib/indicators/disclosure-control';
import { cachedRows } from '@/lib/indicators/figure-cache';

type StartRow = Record<'providers' | 'clients' | 'clients_key' | 'ended' | 'ended_key', bigint | string | null>;

/**
 * The municipality's (or region's) start page: residents' care, aggregated and protected like the
 * dashboards. The clients of all years are a scan of the scope's trajectories (a region of ten at 5
 * million trajectories: ~0.4-0.8 s), on the page every user lands on: kept like figures until the
 * data changes (figure-cache.ts), with today's date in the key. The providers come from the pairs
 * kept for the filter (aanbieder_gemeente).
 */
export async function getGemeenteStart(scope: Extract<Scope, { kind: 'gemeente' }>) {
  checkCaller(scope, 'gemeente:start', 'gemeente');
  const today = new Date().toISOString().slice(0, 10);
  // Scope in the where-clauses; row-level security would hide other rows anyway.
  const [r] = await cachedRows<StartRow>(
    scope,
    Prisma.sql`
      SELECT (SELECT count(DISTINCT t.aanbieder_id) FROM aanbieder_gemeente t WHERE ${trajectoryScopeSql(scope)}) AS providers,
             ${keyedCount('client_key', 'clients')},
             ${keyedCount('client_key', 'ended', Prisma.sql`einddatum >= ${today}::date - interval '1 year'`)}
      FROM trajectory t
      WHERE ${trajectoryScopeSql(scope)}`,
  );
  return {
    gemeenten: scope.gemeenteCodes.length,
    providers: Number(r.providers),
    clients: protectCount({ n: Number(r.clients), key: Number(r.clients_key ?? 0) }),
    endedLastYear: protectCount({ n: Number(r.ended), key: Number(r.ended_key ?? 0) }),
  };
}
