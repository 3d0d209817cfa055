import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { trajectoryScopeSql } from '@/lib/access/trajectory-scope';
import { withScope } from '@/lib/access/with-scope';
import { Prisma } from '@/lib/db';
import { keyedCount } from '@/lib/indicators/cell-key-sql';
import { protectCount } from '@/lib/indicators/disclosure-control';

/** The municipality's (or region's) start page: residents' care, aggregated and protected like the dashboards. */
export async function getGemeenteStart(scope: Extract<Scope, { kind: 'gemeente' }>) {
  checkCaller(scope, 'gemeente:start', 'gemeente');
  return withScope(scope, async (tx) => {
    // Scope in the where-clause; row-level security would hide other rows anyway.
    const rows = await tx.$queryRaw<
      Record<'providers' | 'clients' | 'clients_key' | 'ended' | 'ended_key', bigint | null>[]
    >`
      SELECT count(DISTINCT aanbieder_id) AS providers,
             ${keyedCount('client_key', 'clients')},
             ${keyedCount('client_key', 'ended', Prisma.sql`einddatum >= current_date - interval '1 year'`)}
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
