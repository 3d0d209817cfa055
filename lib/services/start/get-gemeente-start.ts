import type { Scope } from '@/lib/access/scope';
import { trajectoryScopeSql } from '@/lib/access/trajectory-scope';
import { withScope } from '@/lib/access/with-scope';
import { Prisma } from '@/lib/db';
import { protectCount } from '@/lib/indicators/disclosure-control';
import { CELL_KEY_RANGE } from '@/lib/indicators/ptable';

const MODULUS = Prisma.raw(String(CELL_KEY_RANGE));

/** The municipality's (or region's) start page: residents' care, aggregated and protected like the dashboards. */
export async function getGemeenteStart(scope: Extract<Scope, { kind: 'gemeente' }>) {
  return withScope(scope, async (tx) => {
    // Scope in the where-clause; row-level security would hide other rows anyway.
    const rows = await tx.$queryRaw<
      Record<'providers' | 'clients' | 'clients_key' | 'ended' | 'ended_key', bigint | null>[]
    >`
      SELECT count(DISTINCT aanbieder_id) AS providers,
             count(DISTINCT client_key) AS clients, sum(DISTINCT client_key) % ${MODULUS} AS clients_key,
             count(DISTINCT client_key) FILTER (WHERE einddatum >= current_date - interval '1 year') AS ended,
             sum(DISTINCT client_key) FILTER (WHERE einddatum >= current_date - interval '1 year') % ${MODULUS} AS ended_key
      FROM trajectory t
      WHERE ${trajectoryScopeSql(scope)}`;
    const r = rows[0];
    return {
      gemeenten: scope.gemeenteCodes.length,
      providers: Number(r.providers),
      clients: protectCount({ n: Number(r.clients), key: Number(r.clients_key ?? 0) }),
      endedLastYear: protectCount({ n: Number(r.ended), key: Number(r.ended_key ?? 0) }),
    };
  });
}
