import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';

/** The provider's own uploads, newest first. */
export async function listUploads(scope: Extract<Scope, { kind: 'aanbieder' }>, take = 200) {
  checkCaller(scope, 'upload:view', 'aanbieder');
  return db().upload.findMany({
    where: { aanbiederId: scope.aanbiederId },
    orderBy: { receivedAt: 'desc' },
    take,
    select: {
      id: true,
      kind: true,
      status: true,
      fileName: true,
      sizeBytes: true,
      receivedAt: true,
      processedAt: true,
      rowCount: true,
      acceptedCount: true,
      rejectedCount: true,
    },
  });
}
