import { Link } from '@/components/ui/link';
import { TableScroll } from '@/components/ui/table-scroll';
import {
  HIDDEN_EXPLANATION,
  HIDDEN_MARKER,
  PERTURBATION_NOTE,
  WHOLLY_HIDDEN,
} from '@/lib/indicators/disclosure-control';
import { GROUP_NOUNS, isOrganisationGroupBy } from '@/lib/indicators/group-nouns';
import { TABLE_ROWS, type TableRow, withMostClients } from '@/lib/indicators/indicator-table';
import type { IndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { FigureCells, HiddenMarkerExplained } from './figure-cell';

/**
 * The table behind every chart: all figures of a view, with n (distinct clients) and percentages. Per
 * provider or municipality, with `allRowsHref`, at most TABLE_ROWS rows (those with the most clients),
 * and a link to all of them.
 */
export function IndicatorTable({
  view,
  caption,
  allRowsHref,
}: {
  view: IndicatorView;
  caption: string;
  /** Where the same table with every row is; without it the table has every row. */
  allRowsHref?: string;
}) {
  const shortened =
    allRowsHref && isOrganisationGroupBy(view.groupBy) && view.rows.length > TABLE_ROWS
      ? { href: allRowsHref, noun: GROUP_NOUNS[view.groupBy] }
      : null;
  const rows: TableRow[] =
    view.groupBy === 'totaal'
      ? []
      : shortened
        ? withMostClients(view.rows, (r) => r.populatie.n, TABLE_ROWS)
        : view.rows;
  // A headline that is one category (uitval is 03) is that category's column, marked as the headline,
  // not a second column with the same figures; a headline that joins categories has its own column.
  const ownHeadline = view.indicator.headlineCategory === null;
  // n and % per category, the headline and the respons, then the clients
  const columns =
    2 * (view.indicator.categories.length + (ownHeadline ? 1 : 0) + (view.indicator.measured ? 1 : 0)) + 1;
  const line = (r: TableRow, total = false) => (
    <tr key={r.key} className={total ? 'totaalrij' : undefined}>
      <th scope="row">{total ? 'Totaal' : r.label}</th>
      {r.populatie.suppressed ? (
        // A row of fewer than 7 clients shows nothing (docs/disclosure-control.md): one cell says so,
        // instead of a marker in each of its columns (a region's table has hundreds of such rows).
        <td className="verborgen" colSpan={columns}>
          <abbr title={HIDDEN_EXPLANATION}>{HIDDEN_MARKER}</abbr> cliënten: niet getoond
        </td>
      ) : (
        <>
          {r.categories.map((f, i) => (
            <FigureCells key={i} f={f} />
          ))}
          {ownHeadline && <FigureCells f={r.headline} />}
          {r.respons && <FigureCells f={r.respons} />}
          <FigureCells f={r.populatie} withPct={false} />
        </>
      )}
    </tr>
  );
  return (
    <>
      {shortened && (
        <p className="toelichting" data-testid="tabel-ingekort">
          De tabel toont de {rows.length} {shortened.noun.many} met de meeste cliënten (van de {view.rows.length}), op
          naam.{' '}
          <Link href={shortened.href}>
            Alle {view.rows.length} {shortened.noun.many} tonen
          </Link>
          . Eén {shortened.noun.one} kiest u in de filters; de export heeft ze alle.
        </p>
      )}
      <TableScroll>
        <table className="indicatortabel">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Groep
              </th>
              {view.indicator.categories.map((c) =>
                c.key === view.indicator.headlineCategory ? (
                  <th key={c.key} scope="colgroup" colSpan={2} className="kernkolom">
                    {c.label} <span className="kernlabel">= {view.indicator.headline}</span>
                  </th>
                ) : (
                  <th key={c.key} scope="colgroup" colSpan={2}>
                    {c.label}
                  </th>
                ),
              )}
              {ownHeadline && (
                <th scope="colgroup" colSpan={2} className="kernkolom">
                  {view.indicator.headline}
                </th>
              )}
              {view.indicator.measured && (
                <th scope="colgroup" colSpan={2}>
                  Respons
                </th>
              )}
              <th scope="col" rowSpan={2}>
                Cliënten
              </th>
            </tr>
            <tr>
              {[
                ...view.indicator.categories,
                ...(ownHeadline ? ['kern'] : []),
                ...(view.indicator.measured ? ['respons'] : []),
              ].flatMap((_, i) => [
                <th key={`n${i}`} scope="col">
                  n
                </th>,
                <th key={`p${i}`} scope="col">
                  %
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => line(r))}
            {line(view.total, true)}
          </tbody>
        </table>
      </TableScroll>
      <p className="toelichting">
        n is het aantal unieke cliënten; percentages gaan over{' '}
        {view.indicator.unit === 'traject' ? 'trajecten' : 'metingen'}.
        {!view.protection && (
          <> Uw eigen cijfers, exact en zonder afscherming (interne spiegel): deel ze niet buiten uw organisatie.</>
        )}
        {view.protection && (
          <>
            {' '}
            <HiddenMarkerExplained /> {PERTURBATION_NOTE}
          </>
        )}
        {view.whollySuppressed && <> {WHOLLY_HIDDEN}</>}
      </p>
    </>
  );
}
