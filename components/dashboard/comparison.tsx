import { TableScroll } from '@/components/ui/table-scroll';
import { formatMonth } from '@/lib/filters/months';
import type { PeriodFigure } from '@/lib/services/indicators/get-comparison';
import { FigureCells } from './figure-cell';

/** The headline in this period, the previous one and the same period a year earlier. */
export function Comparison({ periods, headline }: { periods: PeriodFigure[]; headline: string }) {
  return (
    <TableScroll>
      <table className="vergelijking">
        <caption>Vergelijking met eerdere perioden: {headline}</caption>
        <thead>
          <tr>
            <th scope="col">Periode</th>
            <th scope="col">Einddatum</th>
            <th scope="col">n</th>
            <th scope="col">%</th>
            <th scope="col">Cliënten</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td>
                {formatMonth(p.van)} t/m {formatMonth(p.tm)}
              </td>
              <FigureCells f={p.headline} />
              <FigureCells f={p.populatie} withPct={false} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
