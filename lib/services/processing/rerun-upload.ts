import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { processUpload } from '@/lib/imports/process-upload';
import { canRerun } from './list-processing';

/** Processes a refused or stuck upload again, now (TTP processing monitor). */
export async function rerunUpload(scope: Extract<Scope, { kind: 'ttp' }>, uploadId: string, address?: string | null) {
  checkCaller(scope, 'processing:monitor', 'ttp');
  const upload = await db().upload.findUnique({ where: { id: uploadId }, select: { status: true, storagePath: true } });
  if (!upload) throw new AppError('Deze upload bestaat niet.', 404);
  if (!canRerun(upload.status, upload.storagePath)) {
    throw new AppError(
      'Alleen een afgewezen of vastgelopen bestand waarvan het bestand nog bewaard is, kan opnieuw worden verwerkt.',
      409,
    );
  }
  const { count } = await db().upload.updateMany({
    where: { id: uploadId, status: upload.status },
    data: { status: 'ONTVANGEN' },
  });
  if (count === 0) throw new AppError('De status van dit bestand is intussen veranderd. Ververs de pagina.', 409);
  await writeAudit({ event: 'import.opnieuw', actor: scope.user, object: `upload ${uploadId}`, address });
  await processUpload(uploadId);
}
