import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { TableScroll } from '@/components/ui/table-scroll';
import { AutoRefresh } from '@/components/uploads/auto-refresh';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { formatDateTime, formatNumber } from '@/lib/format';
import { listUploads } from '@/lib/services/uploads/list-uploads';
import { KIND_LABEL, STATUS_LABEL } from '@/lib/uploads/labels';

export const metadata: Metadata = { title: 'Uploadgeschiedenis' };

export default async function UploadsPage() {
  const scope = expectScope(await requireScope('upload:view', 'uploadgeschiedenis'), 'aanbieder');
  const uploads = await listUploads(scope);
  const pending = uploads.some((u) => u.status === 'ONTVANGEN' || u.status === 'IN_VERWERKING');
  return (
    <>
      <h1>Uploadgeschiedenis</h1>
      <AutoRefresh active={pending} seconds={10} />
      {uploads.length === 0 ? (
        <p>U heeft nog niets aangeleverd.</p>
      ) : (
        <TableScroll>
          <table>
            <caption className="skiplink">Alle aangeleverde bestanden</caption>
            <thead>
              <tr>
                <th scope="col">Ontvangen</th>
                <th scope="col">Bestand</th>
                <th scope="col">Soort</th>
                <th scope="col">Status</th>
                <th scope="col">Records</th>
                <th scope="col">Goedgekeurd</th>
                <th scope="col">Afgekeurd</th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr key={u.id}>
                  <td>{formatDateTime(u.receivedAt)}</td>
                  <td>
                    <Link href={`/aanbieder/uploads/${u.id}`}>{u.fileName}</Link>
                  </td>
                  <td>{KIND_LABEL[u.kind]}</td>
                  <td className={u.status === 'AFGEWEZEN' ? 'status-afgewezen' : undefined}>
                    {STATUS_LABEL[u.status]}
                  </td>
                  <td>{u.rowCount === null ? '—' : formatNumber(u.rowCount)}</td>
                  <td>{u.acceptedCount === null ? '—' : formatNumber(u.acceptedCount)}</td>
                  <td>{u.rejectedCount === null ? '—' : formatNumber(u.rejectedCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
