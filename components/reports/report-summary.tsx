import { FigureCells, HiddenMarkerExplained } from '@/components/dashboard/figure-cell';
import { TableScroll } from '@/components/ui/table-scroll';
import { NOT_YET_KNOWN, notYetKnown, periodsUnsettledNote } from '@/lib/indicators/format-figure';
import type { Spiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';

/** The figures of a spiegelrapportage as accessible tables: per indicator the consecutive periods. */
export function ReportSummary({ report }: { report: Spiegelrapportage }) {
  const hidden = report.indicators.some((ind) =>
    ind.periods.some((p) => [p.populatie, p.headline, p.respons].some((f) => f?.suppressed)),
  );
  return (
    <>
      <p>
        Volwassenheidsniveau: <strong>{report.maturity.level ?? '–'}</strong> ({report.maturity.label}). Over:{' '}
        {report.audience}.
      </p>
      {report.indicators.map((ind) => {
        const note = periodsUnsettledNote(ind.periods);
        return (
          <section key={`${ind.domein}-${ind.key}`} aria-labelledby={`rapport-${ind.domein ?? 'JEUGD'}-${ind.key}`}>
            <h3 id={`rapport-${ind.domein ?? 'JEUGD'}-${ind.key}`}>{ind.label}</h3>
            <TableScroll>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Periode</th>
                    <th scope="col">Cliënten</th>
                    <th scope="col" colSpan={2}>
                      {ind.headline}
                    </th>
                    {ind.periods[0]?.respons && (
                      <th scope="col" colSpan={2}>
                        Respons
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {ind.periods.map((p) => (
                    <tr key={p.period.key} aria-current={p.period.key === report.period.key ? 'true' : undefined}>
                      <th scope="row">{p.period.label}</th>
                      {notYetKnown(p.unsettledFrom, p.populatie) ? (
                        <td colSpan={p.respons ? 5 : 3}>{NOT_YET_KNOWN}</td>
                      ) : (
                        <>
                          <FigureCells f={p.populatie} withPct={false} />
                          <FigureCells f={p.headline} />
                          {p.respons && <FigureCells f={p.respons} />}
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {note && <p className="hint">{note}</p>}
          </section>
        );
      })}
      {hidden && (
        <p className="toelichting">
          <HiddenMarkerExplained />
        </p>
      )}
    </>
  );
}
