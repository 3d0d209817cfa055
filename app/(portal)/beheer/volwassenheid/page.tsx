import type { Metadata } from 'next';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import { env } from '@/lib/env';
import { formatDate } from '@/lib/format';
import { listMaturity } from '@/lib/services/maturity/list-maturity';
import { MATURITY_LABELS } from '@/lib/services/maturity/maturity-level';

export const metadata: Metadata = { title: 'Volwassenheid' };

const pct = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export default async function MaturityPage() {
  const scope = expectScope(await requireScope('beheer:start', 'volwassenheidsniveaus'), 'ttp');
  const rows = await listMaturity(scope);
  const { VOLWASSENHEID_RESPONS_5: r5, VOLWASSENHEID_RESPONS_6: r6 } = env();
  const counts = Object.keys(MATURITY_LABELS).map((l) => rows.filter((r) => r.level === Number(l)).length);
  return (
    <>
      <h1>Volwassenheidsniveau per aanbieder</h1>
      <p>
        Hoe ver elke aanbieder is met aansluiten en aanleveren. Niveau 4 tot 6 hangt af van de respons over de trajecten
        die de afgelopen twaalf maanden eindigden: onder {r5}% niveau 4, vanaf {r5}% niveau 5, vanaf {r6}% niveau 6
        (instelbaar). Een aanbieder van Jeugd en Wmo heeft een niveau per domein; de tellingen hieronder tellen zo'n
        aanbieder per domein.
      </p>
      <dl className="kaarten">
        {counts.map((n, i) => (
          <div className="kaart" key={i}>
            <dt>
              Niveau {i + 1}: {MATURITY_LABELS[(i + 1) as keyof typeof MATURITY_LABELS]}
            </dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">Aanbieder</th>
              <th scope="col">AGB-code</th>
              <th scope="col">Domein</th>
              <th scope="col">Overeenkomst</th>
              <th scope="col">Laatste upload</th>
              <th scope="col">Respons</th>
              <th scope="col">Niveau</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.id}-${r.domein}`}>
                <td>{r.name}</td>
                <td>{r.agbCode}</td>
                <td>{DOMEIN_LABEL[r.domein]}</td>
                <td>{r.agreementStatus?.toLowerCase() ?? 'geen'}</td>
                <td>{formatDate(r.lastUpload)}</td>
                <td>{r.respons === null ? '—' : `${pct.format(r.respons)}%`}</td>
                <td>
                  <strong>{r.level}</strong> {MATURITY_LABELS[r.level]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
