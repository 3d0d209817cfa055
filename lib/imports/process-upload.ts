import { db } from '@/lib/db';
import { withScope } from '@/lib/access/with-scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { sendMail } from '@/lib/mail/send-mail';
import { env } from '@/lib/env';
import { readUploadFile } from '@/lib/uploads/file-store';
import { upsertRecords } from './load-records';
import { validateFile, type FileReport } from './validate-file';

const STATUS_TEXT = { VERWERKT: 'verwerkt', VERWERKT_MET_FOUTEN: 'verwerkt met fouten', AFGEWEZEN: 'afgewezen' } as const;

/**
 * Processes one received upload; safe to run twice and to kill at any moment.
 * 1. Mark it IN_VERWERKING (what the provider sees meanwhile).
 * 2. In ONE transaction: lock the row (another worker holding it → skip), validate, load the
 *    records of a production file, and write the final status. A crash rolls all of it back and
 *    leaves the upload IN_VERWERKING, which the next run picks up again: each file is imported
 *    fully once, or not at all.
 */
export async function processUpload(uploadId: string): Promise<'verwerkt' | 'overgeslagen'> {
  const { count } = await db().upload.updateMany({
    where: { id: uploadId, status: { in: ['ONTVANGEN', 'IN_VERWERKING'] } },
    data: { status: 'IN_VERWERKING' },
  });
  if (count === 0) return 'overgeslagen';

  const done = await withScope(
    'system',
    async (tx) => {
      const [u] = await tx.$queryRaw<{ id: string; aanbieder_id: string; kind: string; storage_path: string | null; file_name: string }[]>`
        SELECT id, aanbieder_id, kind::text AS kind, storage_path, file_name FROM upload
        WHERE id = ${uploadId}::uuid AND status = 'IN_VERWERKING' FOR UPDATE SKIP LOCKED`;
      if (!u) return null;
      const aanbieder = await tx.organisation.findUniqueOrThrow({ where: { id: u.aanbieder_id } });
      let report: FileReport;
      let records: Awaited<ReturnType<typeof validateFile>>['records'] = [];
      try {
        if (!u.storage_path) throw new Error('geen bestand');
        ({ report, records } = await validateFile(await readUploadFile(u.id, u.storage_path), aanbieder.agbCode!));
      } catch {
        report = { rows: 0, accepted: 0, rejected: 0, errors: [], fileError: 'Het opgeslagen bestand kon niet worden gelezen. Lever het opnieuw aan.' };
      }
      if (u.kind === 'PRODUCTIE' && records.length) await upsertRecords(tx, u.aanbieder_id, u.id, records);
      const status = report.fileError ? 'AFGEWEZEN' : report.rejected ? 'VERWERKT_MET_FOUTEN' : 'VERWERKT';
      const upload = await tx.upload.update({
        where: { id: u.id },
        data: { status, rowCount: report.rows, acceptedCount: report.accepted, rejectedCount: report.rejected, report: report as object, processedAt: new Date() },
        include: { uploadedBy: { select: { email: true, name: true } } },
      });
      const kindText = u.kind === 'TEST' ? 'testbestand' : 'productiebestand';
      const text = `Uw ${kindText} ${u.file_name} is ${STATUS_TEXT[status]}: ${report.accepted} van ${report.rows} records goedgekeurd.`;
      await tx.notification.create({ data: { organisationId: u.aanbieder_id, text, link: `/aanbieder/uploads/${u.id}` } });
      return { upload, text };
    },
    10 * 60_000,
  );
  if (!done) return 'overgeslagen';
  await writeAudit({ event: 'import.verwerkt', object: `upload ${uploadId} (${done.upload.status.toLowerCase()})` });
  if (done.upload.uploadedBy) {
    await sendMail({
      to: done.upload.uploadedBy.email,
      subject: `Aanlevering ${STATUS_TEXT[done.upload.status as keyof typeof STATUS_TEXT]}`,
      body: `Beste ${done.upload.uploadedBy.name},\n\n${done.text}\n\nHet verslag per regel: ${env().APP_URL}/aanbieder/uploads/${uploadId}\n`,
    });
  }
  return 'verwerkt';
}
