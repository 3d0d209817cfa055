import { type CodeList, RESPONDENT, RESPONDENT_WMO } from '@/lib/cbs/code-lists';
import { formatMonth, monthOf } from '@/lib/filters/months';
import type { Domein } from '@/lib/generated/prisma/enums';
import { type GroupBy, lastMonthOf } from '@/lib/indicators/group-by';
import { gemeenteNames, providerNames } from '@/lib/services/organisations/organisation-names';

/** Readable names for the rows of a table: provider and municipality names, Dutch periods. */
export async function groupLabels(
  groupBy: GroupBy,
  keys: string[],
  domein: Domein = 'JEUGD',
  asOf = new Date(),
): Promise<(key: string) => string> {
  switch (groupBy) {
    case 'aanbieder': {
      const names = await providerNames(keys);
      return (k) => {
        const o = names.get(k);
        return o ? `${o.name} (${o.agbCode})` : k;
      };
    }
    case 'gemeente': {
      const names = await gemeenteNames(keys);
      return (k) => (names.has(k) ? `${names.get(k)} (GM${k})` : `GM${k}`);
    }
    case 'maand':
      return formatMonth;
    case 'kwartaal': {
      // A quarter that has not ended yet says so: its figures are not those of a whole quarter.
      const now = monthOf(asOf);
      return (k) => {
        const last = lastMonthOf('kwartaal', k)!;
        return `${k.slice(5)} ${k.slice(0, 4)}${last >= now ? ' (loopt nog)' : ''}`;
      };
    }
    case 'respondent':
      return (k) => ((domein === 'WMO' ? RESPONDENT_WMO : RESPONDENT) as CodeList)[k] ?? 'geen respondent';
    default:
      return (k) => (k === 'totaal' ? 'Totaal' : k);
  }
}
