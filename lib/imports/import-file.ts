import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import type { UploadKind } from '@/lib/generated/prisma/enums';
import { loadRecords } from './load-records';
import { validateFile, type FileReport } from './validate-file';

export type ImportResult = { uploadId: string; report: FileReport; alreadyProcessed: boolean };

/** Production data only under a signed agreement that has not ended (domain.md, onboarding). */
export async function hasCurrentAgreement(aanbiederId: string, today = new Date()): Promise<boolean> {
  const n = await db().processingAgreement.count({
    where: { aanbiederId, status: 'ONDERTEKEND', OR: [{ validUntil: null }, { validUntil: { gte: today } }] },
  });
  return n > 0;
}

/**
 * The import pipeline for one file: recognise it (same bytes, same provider and kind → processed
 * once), validate, and for a production file pseudonymise and load it together with the upload's
 * final status in one transaction. Test files are validated only and never reach the dashboards.
 */
export async function importFile(input: { agbCode: string; buf: Buffer; fileName: string; kind: UploadKind; uploadedById?: string }): Promise<ImportResult> {
  const aanbieder = await db().organisation.findFirst({ where: { agbCode: input.agbCode, kind: 'AANBIEDER', active: true } });
  if (!aanbieder) throw new AppError(`Geen actieve aanbieder met AGB-code ${input.agbCode}.`, 404);
  if (input.kind === 'PRODUCTIE' && !(await hasCurrentAgreement(aanbieder.id))) {
    throw new AppError('Er is geen ondertekende, geldige verwerkersovereenkomst: alleen testbestanden worden geaccepteerd. Neem contact op met de TTP.', 409, 'GEEN_OVEREENKOMST');
  }
  const sha256 = createHash('sha256').update(input.buf).digest('hex');
  const existing = await db().upload.findUnique({ where: { aanbiederId_kind_sha256: { aanbiederId: aanbieder.id, kind: input.kind, sha256 } } });
  if (existing && existing.status !== 'ONTVANGEN' && existing.status !== 'IN_VERWERKING') {
    return { uploadId: existing.id, report: existing.report as unknown as FileReport, alreadyProcessed: true };
  }
  // A file left IN_VERWERKING by a crash is simply processed again: its load never committed.
  const upload =
    existing ??
    (await db().upload.create({
      data: { aanbiederId: aanbieder.id, uploadedById: input.uploadedById, kind: input.kind, fileName: input.fileName, sizeBytes: input.buf.length, sha256, status: 'IN_VERWERKING' },
    }));

  const { report, records } = await validateFile(input.buf, input.agbCode);
  const final = {
    status: report.fileError ? ('AFGEWEZEN' as const) : report.rejected ? ('VERWERKT_MET_FOUTEN' as const) : ('VERWERKT' as const),
    rowCount: report.rows,
    acceptedCount: report.accepted,
    rejectedCount: report.rejected,
    report: report as object,
    processedAt: new Date(),
  };
  if (input.kind === 'PRODUCTIE' && records.length) {
    await loadRecords(aanbieder.id, upload.id, records, async (tx) => {
      await tx.upload.update({ where: { id: upload.id }, data: final });
    });
  } else {
    await db().upload.update({ where: { id: upload.id }, data: final });
  }
  await writeAudit({ event: 'import.bestand', object: `upload ${upload.id} (${input.kind.toLowerCase()}, ${final.status.toLowerCase()})` });
  return { uploadId: upload.id, report, alreadyProcessed: false };
}
