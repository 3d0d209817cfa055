import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { parseSpiegelrapportage } from '@/lib/services/reports/spiegelrapportage-json';
import { isUuid } from '@/lib/validation';
import { conversationWhere } from './conversation-scope';

/**
 * One conversation with its answers and actions, plus the actions still open from earlier
 * conversations between the same two organisations: they come back on the agenda. Null when the
 * scope is not part of it (the page answers 404).
 */
export async function getConversation(scope: Scope, id: string) {
  checkCaller(scope, 'conversation:view');
  if (!isUuid(id)) return null;
  const c = await db().conversation.findFirst({
    where: { AND: [{ id }, conversationWhere(scope)] },
    include: {
      organisation: { select: { name: true } },
      aanbieder: { select: { name: true, agbCode: true } },
      answers: { orderBy: { createdAt: 'asc' } },
      actions: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!c) return null;
  const carriedOver = await db().conversationAction.findMany({
    where: {
      status: 'OPEN',
      conversation: { organisationId: c.organisationId, aanbiederId: c.aanbiederId, createdAt: { lt: c.createdAt } },
    },
    orderBy: { dueDate: 'asc' },
    include: { conversation: { select: { id: true, period: true } } },
  });
  return { ...c, figures: parseSpiegelrapportage(c.figures), carriedOver };
}
