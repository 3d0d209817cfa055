import { withScopedClient } from '@/lib/access/with-scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { BSN_CODE } from '@/lib/cbs/validate-record';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Domein } from '@/lib/generated/prisma/enums';
import { sendMail } from '@/lib/mail/send-mail';
import { deleteUploadFile } from '@/lib/uploads/file-store';
import { KIND_LABEL, STATUS_LABEL } from '@/lib/uploads/labels';
import { STORED_FILE_UNREADABLE } from './file-report';
import { type ImportSteps, timed } from './import-steps';
import { openRecordSink } from './load-records';
import { readUpload } from './read-upload';
import type { FileReport } from './validate-file';

type FinalStatus = 'VERWERKT' | 'VERWERKT_MET_FOUTEN' | 'AFGEWEZEN';

/**
 * Processes one received upload; safe to run twice and to kill at any moment.
 * 1. Mark it IN_VERWERKING (what the provider sees meanwhile).
 * 2. In ONE transaction: lock the row (another worker holding it → skip), validate in a child process
 *    (read-upload.ts) while streaming the valid records into a staging table and merging them into
 *    trajectory part by part (production files only),
 *    and write the final status and the notification. A crash rolls all of it back and leaves the
 *    upload IN_VERWERKING, which the next run picks up: each file is imported fully once, or not at all.
 * `steps`, when given, receives the duration of each step (npm run bench:import prints them).
 */
export async function processUpload(uploadId: string, steps?: ImportSteps): Promise<'verwerkt' | 'overgeslagen'> {
  const { count } = await db().upload.updateMany({
    where: { id: uploadId, status: { in: ['ONTVANGEN', 'IN_VERWERKING'] } },
    data: { status: 'IN_VERWERKING' },
  });
  if (count === 0) return 'overgeslagen';

  let commitFrom = 0;
  const done = await withScopedClient('system', async (client) => {
    const { rows } = await client.query<{
      id: string;
      aanbieder_id: string;
      agb_code: string;
      kind: 'TEST' | 'PRODUCTIE';
      domein: Domein;
      storage_path: string | null;
      file_name: string;
    }>(
      `SELECT u.id, u.aanbieder_id, o.agb_code, u.kind::text AS kind, u.domein::text AS domein, u.storage_path, u.file_name
       FROM upload u JOIN organisation o ON o.id = u.aanbieder_id
       WHERE u.id = $1 AND u.status = 'IN_VERWERKING' FOR UPDATE OF u SKIP LOCKED`,
      [uploadId],
    );
    const u = rows[0];
    if (!u) return null;
    // Test files are only validated; a production file's records are staged and merged in parts as
    // they come (load-records.ts), the last part after the reading.
    const sink =
      u.kind === 'PRODUCTIE'
        ? await openRecordSink(client, { aanbiederId: u.aanbieder_id, uploadId: u.id, steps })
        : null;
    const report: FileReport = await timed(steps, 'lezen en COPY', async () => {
      const read = u.storage_path
        ? await readUpload(
            { uploadId: u.id, storagePath: u.storage_path },
            { agbCode: u.agb_code, domein: u.domein },
            sink?.stream ?? null,
          )
        : { rows: 0, accepted: 0, rejected: 0, errors: [], fileError: STORED_FILE_UNREADABLE };
      return read;
    });
    // A file refused whole leaves nothing in trajectory: what was merged of it is undone.
    if (sink && report.fileError) await sink.discard();
    else if (sink) report.written = await sink.finish();
    const status: FinalStatus = report.fileError ? 'AFGEWEZEN' : report.rejected ? 'VERWERKT_MET_FOUTEN' : 'VERWERKT';
    await client.query(
      `UPDATE upload SET status = $2::"UploadStatus", row_count = $3, accepted_count = $4, rejected_count = $5, report = $6::jsonb, processed_at = now() WHERE id = $1`,
      [u.id, status, report.rows, report.accepted, report.rejected, JSON.stringify(report)],
    );
    // A monthly file mostly repeats what the provider sent before; how much of it was news, it can see here.
    const news = report.written === undefined ? '' : `, waarvan ${report.written} nieuw of gewijzigd`;
    const text = `Uw ${KIND_LABEL[u.kind]} ${u.file_name} is ${STATUS_LABEL[status]}: ${report.accepted} van ${report.rows} records goedgekeurd${news}.`;
    await client.query(
      `INSERT INTO notification (id, organisation_id, text, link) VALUES (gen_random_uuid(), $1, $2, $3)`,
      [u.aanbieder_id, text, `/aanbieder/uploads/${u.id}`],
    );
    commitFrom = performance.now();
    return { status, text, bsn: report.errors.some((e) => e.code === BSN_CODE), storagePath: u.storage_path };
  });
  if (steps && commitFrom) steps.commit = performance.now() - commitFrom;
  if (!done) return 'overgeslagen';
  await writeAudit({ event: 'import.verwerkt', object: `upload ${uploadId} (${done.status.toLowerCase()})` });
  if (done.bsn && done.storagePath) {
    // Not kept for the retention period: the stored copy holds a BSN. The report keeps only line numbers.
    await deleteUploadFile(done.storagePath);
    await db().upload.update({ where: { id: uploadId }, data: { storagePath: null, fileDeletedAt: new Date() } });
    await writeAudit({
      event: 'upload.bsn-verwijderd',
      object: `upload ${uploadId}: BSN gevonden, bestand direct verwijderd`,
    });
  }
  const upload = await db().upload.findUniqueOrThrow({
    where: { id: uploadId },
    select: { uploadedBy: { select: { email: true, name: true } } },
  });
  if (upload.uploadedBy) {
    await sendMail({
      to: upload.uploadedBy.email,
      subject: `Aanlevering ${STATUS_LABEL[done.status]}`,
      body: `Beste ${upload.uploadedBy.name},\n\n${done.text}\n\nHet verslag per regel: ${env().APP_URL}/aanbieder/uploads/${uploadId}\n`,
    });
  }
  return 'verwerkt';
}
