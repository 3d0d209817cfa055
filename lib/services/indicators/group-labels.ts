import { type CodeList, RESPONDENT, RESPONDENT_WMO } from '@/lib/cbs/code-lists';
import { db } from '@/lib/db';
import { formatMonth, monthOf } from '@/lib/filters/months';
import type { Domein } from '@/lib/generated/prisma/enums';
import { type GroupBy, lastMonthOf } from '@/lib/indicators/group-by';

/** Readable names for the rows of a table: provider and municipality names, Dutch periods. */
export async function groupLabels(
  groupBy: GroupBy,
  keys: string[],
  domein: Domein = 'JEUGD',
  asOf = new Date(),
): Promise<(key: string) => string> {
  switch (groupBy) {
    case 'aanbieder': {
      const orgs = await db().organisation.findMany({
        where: { id: { in: keys } },
        select: { id: true, name: true, agbCode: true },
      });
      const names = new Map(orgs.map((o) => [o.id, `${o.name} (${o.agbCode})`]));
      return (k) => names.get(k) ?? k;
    }
    case 'gemeente': {
      const orgs = await db().organisation.findMany({
        where: { cbsCode: { in: keys } },
        select: { cbsCode: true, name: true },
      });
      const names = new Map(orgs.map((o) => [o.cbsCode!, `${o.name} (GM${o.cbsCode})`]));
      return (k) => names.get(k) ?? `GM${k}`;
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
