import type { Metadata } from 'next';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { formatMonth } from '@/lib/filters/months';
import { formatDateTime, formatNumber } from '@/lib/format';
import { alertSummary } from '@/lib/services/disclosure/charge-view';
import { describeView } from '@/lib/services/disclosure/describe-view';
import { listViewMonitor } from '@/lib/services/disclosure/list-view-monitor';
import { budgetMonth, DIMENSION_LABELS } from '@/lib/services/disclosure/view-families';

export const metadata: Metadata = { title: 'Overzichten' };

/**
 * The privacy officer's monitor of the view budget and the detector of differencing patterns
 * (docs/view-budget.md): use per municipality and region this month, and what the detector found.
 */
export default async function ViewMonitorPage() {
  const scope = await requireScope('processing:monitor', 'overzichtenmonitor');
  const month = budgetMonth(new Date());
  const m = await listViewMonitor(scope, month);
  return (
    <>
      <h1>Overzichten</h1>
      <p>
        Elke gemeente en regio mag per kalendermaand {formatNumber(m.budget)} verschillende overzichten opvragen
        (indicator, domein, indeling en filters; pagina, export en API samen); een overzicht opnieuw opvragen telt niet.
        Meer dan {m.variantsMax} varianten van één overzicht binnen {m.windowMinutes} minuten, of meer dan {m.rateMax}{' '}
        nieuwe overzichten in één minuut, wijst op het middelen van verschillen: de organisatie wordt dan vertraagd en
        de signalering staat hieronder en in het auditlog. Aanbieders worden nooit geteld.
      </p>
      <h2>Gebruik in {formatMonth(month)}</h2>
      {m.organisations.length === 0 ? (
        <p>Deze maand heeft nog geen gemeente of regio een overzicht opgevraagd.</p>
      ) : (
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">Organisatie</th>
                <th scope="col">Overzichten</th>
                <th scope="col">Grootste familie in {m.windowMinutes} min</th>
                <th scope="col">Meeste nieuwe per minuut</th>
                <th scope="col">Signaleringen</th>
              </tr>
            </thead>
            <tbody>
              {m.organisations.map((o) => (
                <tr key={o.organisationId}>
                  <td>{o.name}</td>
                  <td>
                    {formatNumber(o.used)} van {formatNumber(m.budget)}
                    {o.refusedAt && ` (op sinds ${formatDateTime(o.refusedAt)})`}
                  </td>
                  <td>
                    {formatNumber(o.peakFamily)} (grens {m.variantsMax})
                  </td>
                  <td>
                    {formatNumber(o.peakRate)} (grens {m.rateMax})
                  </td>
                  <td>{formatNumber(o.alerts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Signaleringen van verschilpatronen</h2>
      {m.alerts.length === 0 ? (
        <p>Er zijn geen verschilpatronen gesignaleerd.</p>
      ) : (
        <TableScroll>
          <table data-testid="signaleringen">
            <thead>
              <tr>
                <th scope="col">Tijdstip</th>
                <th scope="col">Organisatie</th>
                <th scope="col">Wat</th>
                <th scope="col">Overzicht</th>
                <th scope="col">Vertraagd tot</th>
              </tr>
            </thead>
            <tbody>
              {m.alerts.map((a) => (
                <tr key={a.id}>
                  <td>{formatDateTime(a.firedAt)}</td>
                  <td>{a.organisationName}</td>
                  <td>{alertSummary(a.rule, a.dimension, a.count)}</td>
                  <td>
                    <details>
                      <summary>
                        {a.dimension
                          ? `${describeView(a.family)}; variërend: ${DIMENSION_LABELS[a.dimension]}`
                          : 'verschillende overzichten'}
                      </summary>
                      <ol>
                        {a.views.map((v, i) => (
                          <li key={i}>{describeView(v)}</li>
                        ))}
                      </ol>
                    </details>
                  </td>
                  <td>{formatDateTime(a.slowedUntil)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
