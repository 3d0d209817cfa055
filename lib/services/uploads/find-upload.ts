import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import type { FileReport } from '@/lib/imports/validate-file';
import { isUuid } from '@/lib/validation';

/** One upload of the provider's own, with its report; null when absent or another provider's. */
export async function findUpload(scope: Extract<Scope, { kind: 'aanbieder' }>, id: string) {
  if (!isUuid(id)) return null;
  const upload = await db().upload.findFirst({
    where: { id, aanbiederId: scope.aanbiederId },
    include: { uploadedBy: { select: { name: true } } },
  });
  return upload && { ...upload, report: upload.report as unknown as FileReport | null };
}
