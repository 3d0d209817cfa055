import type { Scope } from '@/lib/access/scope';
import { trajectoryScopeSql } from '@/lib/access/trajectory-scope';
import { withScope } from '@/lib/access/with-scope';
import { db } from '@/lib/db';

export type Option = { value: string; label: string };

/**
 * Options of the filters whose values depend on the scope: the municipalities a user may see, and
 * (for municipal users) the providers with data on their residents. Fixed code lists come from the registry.
 */
export async function getFilterOptions(scope: Scope): Promise<{ gemeente: Option[]; aanbieder: Option[] }> {
  const codes =
    scope.kind === 'gemeente'
      ? scope.gemeenteCodes
      : await withScope(scope, async (tx) =>
          (
            await tx.$queryRaw<
              { code: string }[]
            >`SELECT DISTINCT t.gemeentecode AS code FROM trajectory t WHERE ${trajectoryScopeSql(scope)}`
          ).map((r) => r.code),
        );
  const names = await db().organisation.findMany({
    where: { cbsCode: { in: codes } },
    select: { cbsCode: true, name: true },
  });
  const nameOf = new Map(names.map((n) => [n.cbsCode, n.name]));
  const gemeente = codes
    .map((c) => ({ value: c, label: nameOf.has(c) ? `${nameOf.get(c)} (GM${c})` : `GM${c}` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  if (scope.kind !== 'gemeente') return { gemeente, aanbieder: [] };
  const providers = await withScope(
    scope,
    (tx) =>
      tx.$queryRaw<{ agb: string; name: string }[]>`
      SELECT o.agb_code AS agb, o.name FROM organisation o
      WHERE o.id IN (SELECT DISTINCT t.aanbieder_id FROM trajectory t WHERE ${trajectoryScopeSql(scope)})
      ORDER BY o.name`,
  );
  return { gemeente, aanbieder: providers.map((p) => ({ value: p.agb, label: `${p.name} (${p.agb})` })) };
}
