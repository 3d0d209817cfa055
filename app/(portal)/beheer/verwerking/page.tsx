import type { Metadata } from 'next';
import { ActionButton } from '@/components/ui/action-button';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { formatDateTime, formatNumber } from '@/lib/format';
import { getImportSchedule, listProcessing } from '@/lib/services/processing/list-processing';
import { KIND_LABEL, STATUS_LABEL } from '@/lib/uploads/labels';
import { rerunAction } from './actions';

export const metadata: Metadata = { title: 'Verwerking' };

export default async function ProcessingPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const scope = expectScope(await requireScope('processing:monitor', 'verwerkingsmonitor'), 'ttp');
  const [{ melding }, uploads, schedule] = await Promise.all([
    searchParams,
    listProcessing(scope),
    getImportSchedule(),
  ]);
  return (
    <>
      <h1>Verwerking</h1>
      {melding && (
        <p className="melding" role="status">
          {melding.slice(0, 300)}
        </p>
      )}
      <p>
        Laatste importrun:{' '}
        {schedule.lastRunAt
          ? `${formatDateTime(schedule.lastRunAt)} (${schedule.lastRun?.processed ?? 0} bestanden verwerkt)`
          : 'nog niet'}
        . Volgende nachtelijke run: {schedule.nextNight}. Testbestanden worden direct verwerkt.
      </p>
      <p>U ziet per bestand de status, de aantallen en de fouten per soort; nooit de inhoud van records.</p>
      {uploads.length === 0 ? (
        <p>Er is nog niets aangeleverd.</p>
      ) : (
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">Ontvangen</th>
                <th scope="col">Aanbieder</th>
                <th scope="col">Soort</th>
                <th scope="col">Status</th>
                <th scope="col">Records</th>
                <th scope="col">Fouten</th>
                <th scope="col">
                  <span className="skiplink">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr key={u.id}>
                  <td>{formatDateTime(u.receivedAt)}</td>
                  <td>
                    {u.aanbieder.name} ({u.aanbieder.agbCode})
                  </td>
                  <td>{KIND_LABEL[u.kind]}</td>
                  <td className={u.status === 'AFGEWEZEN' ? 'status-afgewezen' : undefined}>
                    {STATUS_LABEL[u.status]}
                  </td>
                  <td>
                    {u.rowCount === null
                      ? '—'
                      : `${formatNumber(u.acceptedCount ?? 0)} van ${formatNumber(u.rowCount)} goed`}
                  </td>
                  <td>
                    {u.fileError ??
                      Object.entries(u.errorCodes)
                        .map(([code, n]) => `${code}: ${formatNumber(n)}`)
                        .join(', ')}
                  </td>
                  <td>
                    {u.canRerun && (
                      <ActionButton action={rerunAction} fields={{ id: u.id }} label="Opnieuw verwerken" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
