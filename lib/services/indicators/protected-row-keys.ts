import type { Scope } from '@/lib/access/scope';
import { RESPONDENT, RESPONDENT_WMO } from '@/lib/cbs/code-lists';
import { addMonths } from '@/lib/filters/months';
import type { FilterState } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import type { GroupBy } from '@/lib/indicators/group-by';
import { providerNames } from '@/lib/services/organisations/organisation-names';

import { scopeProviderIds } from './get-filter-options';

/** Every key a grouping can have in a view, whether or not it has clients there. */
async function possibleKeys(scope: Scope, groupBy: GroupBy, f: FilterState, domein: Domein): Promise<string[]> {
  const months: string[] = [];
  for (let m = f.eind_van!; m <= f.eind_tm!; m = addMonths(m, 1)) months.push(m);
  switch (groupBy) {
    case 'maand':
      return months;
    case 'kwartaal':
      return [...new Set(months.map((m) => `${m.slice(0, 4)}-K${Math.ceil(Number(m.slice(5)) / 3)}`))];
    case 'jaar':
      return [...new Set(months.map((m) => m.slice(0, 4)))];
    case 'gemeente':
      return f.gemeente ?? (scope.kind === 'gemeente' ? scope.gemeenteCodes : []);
    case 'aanbieder': {
      const ids = await scopeProviderIds(scope, domein);
      if (!f.aanbieder) return ids;
      const names = await providerNames(ids);
      return ids.filter((id) => f.aanbieder!.includes(names.get(id)?.agbCode ?? ''));
    }
    case 'respondent':
      return f.respondent ?? [...Object.keys(domein === 'WMO' ? RESPONDENT_WMO : RESPONDENT), '-'];
    default:
      return [];
  }
}

/**
 * The rows of a protected table: every row its grouping can have in the view (the scope's providers
 * or municipalities, each month, quarter or year of the period, each respondent), with clients or
 * without, and any other row whose population is shown. Which rows a table lists then says nothing
 * about where a small group is: a row of none and a row of a few both read "< 7".
 */
export async function protectedRowKeys(
  scope: Scope,
  groupBy: GroupBy,
  filters: FilterState,
  domein: Domein,
  shownGroups: readonly string[],
): Promise<string[]> {
  return [...new Set([...(await possibleKeys(scope, groupBy, filters, domein)), ...shownGroups])].sort();
}
