import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { trajectoryScopeSql } from '@/lib/access/trajectory-scope';
import { Prisma } from '@/lib/db';
import { compareNames } from '@/lib/format';
import type { Domein } from '@/lib/generated/prisma/enums';
import { cachedRows } from '@/lib/indicators/figure-cache';
import { gemeenteNames, providerNames } from '@/lib/services/organisations/organisation-names';

export type Option = { value: string; label: string };

/**
 * Options of the filters whose values depend on the scope: the municipalities a user may see, and
 * (for municipal users) the providers with data on their residents. Fixed code lists come from the registry.
 */
export async function getFilterOptions(scope: Scope): Promise<{ gemeente: Option[]; aanbieder: Option[] }> {
  checkCaller(scope, 'dashboard:view');
  // Both lists come from the pairs (municipality, provider) that trajectories have, kept exact by
  // triggers on trajectory (migration 20261202000000): an index range, not a scan of the scope's
  // trajectories of all years. The table has trajectory's two scope columns, so the scope's own clause
  // applies. Kept like figures until the data changes.
  const codes =
    scope.kind === 'gemeente'
      ? scope.gemeenteCodes
      : (
          await cachedRows<{ code: string }>(
            scope,
            Prisma.sql`SELECT DISTINCT t.gemeentecode AS code FROM aanbieder_gemeente t WHERE ${trajectoryScopeSql(scope)}`,
          )
        ).map((r) => r.code);
  const nameOf = await gemeenteNames(codes);
  const gemeente = codes
    .map((c) => ({ value: c, label: nameOf.has(c) ? `${nameOf.get(c)} (GM${c})` : `GM${c}` }))
    .sort((a, b) => compareNames(a.label, b.label));
  if (scope.kind !== 'gemeente') return { gemeente, aanbieder: [] };
  // Names are read fresh: a renamed organisation shows its new name at once.
  const providers = [...(await providerNames(await scopeProviderIds(scope))).values()];
  const aanbieder = providers
    .sort((a, b) => compareNames(a.name, b.name))
    .map((p) => ({ value: p.agbCode, label: `${p.name} (${p.agbCode})` }));
  return { gemeente, aanbieder };
}

/**
 * The ids of the providers with data on the scope's residents (the options of the filter "aanbieder"),
 * or with `domein` those with data on them in that domain: the rows a protected table per provider
 * lists (protected-row-keys.ts). The domain's test runs per provider on trajectory's unique index
 * (aanbieder_id, domein, …), under the scope's row-level security.
 */
export async function scopeProviderIds(scope: Scope, domein?: Domein): Promise<string[]> {
  const inDomain = domein
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM trajectory d WHERE d.aanbieder_id = t.aanbieder_id AND d.domein = ${domein}::"Domein" AND d.gemeentecode = t.gemeentecode)`
    : Prisma.empty;
  const ids = await cachedRows<{ id: string }>(
    scope,
    Prisma.sql`SELECT DISTINCT t.aanbieder_id AS id FROM aanbieder_gemeente t WHERE ${trajectoryScopeSql(scope)} ${inDomain}`,
  );
  return ids.map((r) => r.id);
}
