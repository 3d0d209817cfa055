import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TableScroll } from '@/components/ui/table-scroll';
import { AutoRefresh } from '@/components/uploads/auto-refresh';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import { formatDateTime, formatNumber } from '@/lib/format';
import { findUpload } from '@/lib/services/uploads/find-upload';
import { KIND_LABEL, STATUS_LABEL } from '@/lib/uploads/labels';

export const metadata: Metadata = { title: 'Verslag aanlevering' };

const SHOWN_ERRORS = 500;

export default async function UploadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = expectScope(await requireScope('upload:view', `upload ${id}`), 'aanbieder');
  const upload = await findUpload(scope, id);
  if (!upload) notFound();
  const pending = upload.status === 'ONTVANGEN' || upload.status === 'IN_VERWERKING';
  const errors = upload.report?.errors ?? [];
  return (
    <>
      <h1>{upload.fileName}</h1>
      <AutoRefresh active={pending} />
      <dl className="bewijs">
        <dt>Soort</dt>
        <dd>{KIND_LABEL[upload.kind]}</dd>
        <dt>Domein</dt>
        <dd data-testid="domein">{DOMEIN_LABEL[upload.domein]}</dd>
        <dt>Status</dt>
        <dd data-testid="status">{STATUS_LABEL[upload.status]}</dd>
        <dt>Ontvangen</dt>
        <dd>
          {formatDateTime(upload.receivedAt)}
          {upload.uploadedBy && ` door ${upload.uploadedBy.name}`}
        </dd>
        <dt>Verwerkt</dt>
        <dd>{formatDateTime(upload.processedAt)}</dd>
        <dt>Nummer</dt>
        <dd>{upload.id}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="sleutel">{upload.sha256}</code>
        </dd>
        {upload.rowCount !== null && (
          <>
            <dt>Records</dt>
            <dd data-testid="records">
              {formatNumber(upload.rowCount)}: {formatNumber(upload.acceptedCount ?? 0)} goedgekeurd,{' '}
              {formatNumber(upload.rejectedCount ?? 0)} afgekeurd
              {upload.report?.written !== undefined && (
                <>
                  ; {formatNumber(upload.report.written)} nieuw of gewijzigd,{' '}
                  {formatNumber((upload.acceptedCount ?? 0) - upload.report.written)} ongewijzigd
                </>
              )}
            </dd>
          </>
        )}
      </dl>
      {pending && (
        <p className="melding">
          Dit bestand wordt nog verwerkt.{' '}
          {upload.kind === 'TEST'
            ? 'Testbestanden zijn binnen een minuut klaar.'
            : 'Productiebestanden worden ’s nachts verwerkt.'}
        </p>
      )}
      {upload.report?.fileError && (
        <p className="melding melding-fout" role="alert">
          Het bestand is afgewezen: {upload.report.fileError}
        </p>
      )}
      {errors.length > 0 && (
        <>
          <h2>Fouten per regel</h2>
          <p>
            <a href={`/api/uploads/${upload.id}/verslag`} download>
              Download het verslag als CSV
            </a>
            {errors.length > SHOWN_ERRORS &&
              ` (hieronder de eerste ${SHOWN_ERRORS} van ${formatNumber(errors.length)})`}
          </p>
          <TableScroll>
            <table>
              <thead>
                <tr>
                  <th scope="col">Regel</th>
                  <th scope="col">Veld</th>
                  <th scope="col">Waarde</th>
                  <th scope="col">Wat is er mis</th>
                </tr>
              </thead>
              <tbody>
                {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <tr key={i}>
                    <td>{e.line}</td>
                    <td>{e.field}</td>
                    <td>
                      <code>{e.value}</code>
                    </td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {!pending && !upload.report?.fileError && errors.length === 0 && (
        <p className="melding melding-ok">Alle records zijn goedgekeurd.</p>
      )}
    </>
  );
}
