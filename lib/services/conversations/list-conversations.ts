import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { conversationWhere } from './conversation-scope';

/** The conversations a scope is part of, newest first, with how many actions are still open. */
export async function listConversations(scope: Scope) {
  checkCaller(scope, 'conversation:view');
  return db().conversation.findMany({
    where: conversationWhere(scope),
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      period: true,
      meetingDate: true,
      createdAt: true,
      organisation: { select: { name: true } },
      aanbieder: { select: { name: true, agbCode: true } },
      _count: { select: { answers: true, actions: { where: { status: 'OPEN' } } } },
    },
  });
}
