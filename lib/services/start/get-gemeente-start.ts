import { withScope } from '@/lib/access/with-scope';
import { suppressCount } from '@/lib/indicators/suppression';
import type { Scope } from '@/lib/access/scope';
import { trajectoryScopeSql } from '@/lib/access/trajectory-scope';

/** The municipality's (or region's) start page: residents' care, aggregated and suppressed. */
export async function getGemeenteStart(scope: Extract<Scope, { kind: 'gemeente' }>) {
  return withScope(scope, async (tx) => {
    // Scope in the where-clause; row-level security would hide other rows anyway.
    const rows = await tx.$queryRaw<{ providers: bigint; clients: bigint; ended_year: bigint }[]>`
      SELECT count(DISTINCT aanbieder_id) AS providers,
             count(DISTINCT client_pseudonym) AS clients,
             count(DISTINCT client_pseudonym) FILTER (WHERE einddatum >= current_date - interval '1 year') AS ended_year
      FROM trajectory t
      WHERE ${trajectoryScopeSql(scope)}`;
    const r = rows[0];
    return {
      gemeenten: scope.gemeenteCodes.length,
      providers: Number(r.providers),
      clients: suppressCount(Number(r.clients)),
      endedLastYear: suppressCount(Number(r.ended_year)),
    };
  });
}
