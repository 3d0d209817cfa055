import { IMPORT_RUN_EVENT } from '@/lib/audit/events';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { UploadKind } from '@/lib/generated/prisma/enums';
import { processUpload } from '@/lib/imports/process-upload';
import { refreshRecordKeys } from '@/lib/imports/refresh-record-keys';
import { expireAgreements } from '@/lib/services/agreements/expire-agreements';
import { pruneViewCharges } from '@/lib/services/disclosure/prune-view-charges';
import { deleteEndedProviderData } from '@/lib/services/privacy/delete-provider-data';
import { enforceRetention } from '@/lib/services/privacy/retention';
import { deleteUploadFile } from '@/lib/uploads/file-store';

export type JobSummary = {
  processed: number;
  skipped: number;
  filesDeleted: number;
  /** Nightly only: trajectories past their retention term, providers whose data was deleted at the end of the agreement. */
  retentionDeleted?: number;
  providersDeleted?: number;
};

/**
 * Processes every waiting upload of the given kinds, oldest first, including uploads a crashed
 * run left IN_VERWERKING (processUpload's row lock keeps a live run's file from being done twice);
 * then deletes raw files whose retention period has passed and marks expired agreements. The nightly
 * run (production files) also applies the retention of trajectories and the deletions due at the end
 * of agreements (docs/privacy.md); the minute-by-minute sweep of test files does not.
 */
export async function runImportJob(kinds: UploadKind[] = ['TEST', 'PRODUCTIE']): Promise<JobSummary> {
  const waiting = await db().upload.findMany({
    where: { kind: { in: kinds }, status: { in: ['ONTVANGEN', 'IN_VERWERKING'] } },
    orderBy: { receivedAt: 'asc' },
    select: { id: true },
  });
  const summary: JobSummary = { processed: 0, skipped: 0, filesDeleted: 0 };
  // After a raised CELL_KEY_VERSION the stored records get their new keys before new ones arrive; the
  // minute-by-minute sweep of test files writes no records and skips it.
  if (kinds.includes('PRODUCTIE')) await refreshRecordKeys();
  for (const { id } of waiting) {
    if ((await processUpload(id)) === 'verwerkt') summary.processed += 1;
    else summary.skipped += 1;
  }
  summary.filesDeleted = await deleteExpiredFiles();
  await expireAgreements();
  if (kinds.includes('PRODUCTIE')) {
    summary.retentionDeleted = await enforceRetention();
    summary.providersDeleted = await deleteEndedProviderData();
    await pruneViewCharges();
  }
  // The processing monitor shows the last run from this record.
  await writeAudit({ event: IMPORT_RUN_EVENT, object: JSON.stringify({ soorten: kinds, ...summary }) });
  return summary;
}

/** Raw files are kept for UPLOAD_RETENTION_DAYS after processing (docs/domain.md, minimal data). */
export async function deleteExpiredFiles(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - env().UPLOAD_RETENTION_DAYS * 86_400_000);
  const expired = await db().upload.findMany({
    where: { fileDeletedAt: null, storagePath: { not: null }, processedAt: { lte: before } },
    select: { id: true, storagePath: true },
  });
  for (const u of expired) {
    await deleteUploadFile(u.storagePath!);
    await db().upload.update({ where: { id: u.id }, data: { storagePath: null, fileDeletedAt: now } });
  }
  return expired.length;
}
