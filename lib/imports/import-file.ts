import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { UploadKind } from '@/lib/generated/prisma/enums';
import type { FileContent } from '@/lib/uploads/file-store';
import { receiveUpload } from '@/lib/uploads/receive-upload';
import { parseFileReport } from './file-report';
import { processUpload } from './process-upload';
import type { FileReport } from './validate-file';

export type ImportResult = { uploadId: string; report: FileReport; alreadyProcessed: boolean };

/** The whole pipeline at once for the command line: receive (store, deduplicate), then process. */
export async function importFile(input: {
  agbCode: string;
  /** The file whole, or as it is read (a stream): the command line streams it. */
  content: FileContent;
  fileName: string;
  kind: UploadKind;
}): Promise<ImportResult> {
  const aanbieder = await db().organisation.findFirst({
    where: { agbCode: input.agbCode, kind: 'AANBIEDER', active: true },
  });
  if (!aanbieder) throw new AppError(`Geen actieve aanbieder met AGB-code ${input.agbCode}.`, 404);
  const receipt = await receiveUpload({
    aanbiederId: aanbieder.id,
    content: input.content,
    fileName: input.fileName,
    kind: input.kind,
  });
  const outcome = await processUpload(receipt.id);
  const upload = await db().upload.findUniqueOrThrow({ where: { id: receipt.id } });
  return {
    uploadId: upload.id,
    report: parseFileReport(upload.report)!,
    alreadyProcessed: receipt.duplicate && outcome === 'overgeslagen',
  };
}
