import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { TableScroll } from '@/components/ui/table-scroll';
import { can } from '@/lib/access/permissions';
import { requireScope } from '@/lib/access/require-scope';
import { formatDate } from '@/lib/format';
import { PROTECTED_PERIOD_KINDS } from '@/lib/indicators/view-grammar';
import { listConversations } from '@/lib/services/conversations/list-conversations';
import { QUESTIONS } from '@/lib/services/conversations/questions';
import { getFilterOptions } from '@/lib/services/indicators/get-filter-options';
import { lastCompletePeriod, parsePeriod, recentPeriods } from '@/lib/services/reports/report-period';
import { FormMessage } from '../form-message';
import { prepareAction } from './actions';

export const metadata: Metadata = { title: 'Kwaliteitsgesprekken' };

export default async function ConversationsPage({
  searchParams,
}: {
  searchParams: Promise<{ melding?: string; fout?: string }>;
}) {
  const scope = await requireScope('conversation:view', 'kwaliteitsgesprekken');
  const mayPrepare = can(scope.user.role, 'conversation:prepare');
  const [conversations, options] = await Promise.all([
    listConversations(scope),
    mayPrepare ? getFilterOptions(scope) : null,
  ]);
  const now = new Date();
  return (
    <>
      <h1>Kwaliteitsgesprekken</h1>
      <p>
        Het gesprek tussen gemeente en aanbieder over de cijfers, langs vier vragen:{' '}
        {QUESTIONS.map((q) => q.title).join(' ')} De cijfers worden bij het voorbereiden vastgelegd (de deelbare
        spiegelrapportage), zodat het verslag laat zien wat besproken is. Alleen de gemeente of regio en de aanbieder
        van een gesprek zien het.
      </p>
      <FormMessage {...(await searchParams)} />
      {mayPrepare && options && (
        <section aria-labelledby="voorbereiden">
          <h2 id="voorbereiden">Gesprek voorbereiden</h2>
          <form action={prepareAction} className="filters" aria-label="Gesprek voorbereiden">
            <div className="veld">
              <label htmlFor="aanbieder">Aanbieder</label>
              <select id="aanbieder" name="aanbieder" required defaultValue="">
                <option value="" disabled>
                  Kies…
                </option>
                {options.aanbieder.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="veld">
              <label htmlFor="periode">Periode</label>
              <select id="periode" name="periode" defaultValue={lastCompletePeriod('kwartaal', now).key}>
                {recentPeriods(now, 8, PROTECTED_PERIOD_KINDS).map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="veld">
              <label htmlFor="meetingDate">Datum gesprek (niet verplicht)</label>
              <input id="meetingDate" name="meetingDate" type="date" />
            </div>
            <button className="knop" type="submit">
              Voorbereiden
            </button>
          </form>
        </section>
      )}
      <h2>Gesprekken</h2>
      {conversations.length === 0 ? (
        <p>Nog geen gesprekken.</p>
      ) : (
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">Gesprek</th>
                <th scope="col">Periode</th>
                <th scope="col">Datum</th>
                <th scope="col">Antwoorden</th>
                <th scope="col">Open acties</th>
              </tr>
            </thead>
            <tbody>
              {conversations.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/kwaliteitsgesprekken/${c.id}`}>
                      {c.organisation.name} met {c.aanbieder.name}
                    </Link>
                  </td>
                  <td>{parsePeriod(c.period)?.label ?? c.period}</td>
                  <td>{c.meetingDate ? formatDate(c.meetingDate) : `voorbereid ${formatDate(c.createdAt)}`}</td>
                  <td className="getal">{c._count.answers}</td>
                  <td className="getal">{c._count.actions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
