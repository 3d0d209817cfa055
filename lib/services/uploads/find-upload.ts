import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { parseFileReport } from '@/lib/imports/file-report';
import { isUuid } from '@/lib/validation';

/** One upload of the provider's own, with its report; null when absent or another provider's. */
export async function findUpload(scope: Extract<Scope, { kind: 'aanbieder' }>, id: string) {
  checkCaller(scope, 'upload:view', 'aanbieder');
  if (!isUuid(id)) return null;
  const upload = await db().upload.findFirst({
    where: { id, aanbiederId: scope.aanbiederId },
    include: { uploadedBy: { select: { name: true } } },
  });
  return upload && { ...upload, report: parseFileReport(upload.report) };
}
