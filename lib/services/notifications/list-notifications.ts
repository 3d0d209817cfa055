import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';

/** The latest messages for the user's own organisation. */
export async function listNotifications(scope: Scope, take = 5) {
  return db().notification.findMany({
    where: { organisationId: scope.user.organisationId },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, text: true, link: true, createdAt: true },
  });
}
