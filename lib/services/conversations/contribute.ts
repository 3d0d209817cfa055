import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { zIsoDate } from '@/lib/validation';
import { conversationNotFound, conversationWhere, sideOf } from './conversation-scope';

// What both sides add to a conversation they are part of: answers to the four questions, agreed
// actions, and an action marked done (or reopened). Each checks the conversation through
// conversationWhere, so another organisation's conversation is "not found".

export const ZAnswer = z.object({
  conversationId: z.uuid(),
  question: z.coerce.number().int().min(1).max(4),
  text: z.string().trim().min(1, 'Schrijf eerst uw antwoord.').max(5000, 'Hoogstens 5000 tekens.'),
});

export const ZAction = z.object({
  conversationId: z.uuid(),
  description: z.string().trim().min(3, 'Beschrijf de actie.').max(1000, 'Hoogstens 1000 tekens.'),
  owner: z.string().trim().min(2, 'Wie is eigenaar van de actie?').max(200),
  dueDate: zIsoDate('Kies een datum waarop de actie klaar is.'),
});

export const ZActionStatus = z.object({ actionId: z.uuid(), status: z.enum(['OPEN', 'AFGEROND']) });

async function visible(scope: Scope, conversationId: string) {
  const c = await db().conversation.findFirst({
    where: { AND: [{ id: conversationId }, conversationWhere(scope)] },
    select: { id: true },
  });
  if (!c) throw conversationNotFound();
  return c;
}

export async function addAnswer(scope: Scope, input: z.infer<typeof ZAnswer>, address: string | null) {
  checkCaller(scope, 'conversation:contribute');
  const side = sideOf(scope);
  await visible(scope, input.conversationId);
  const user = scope.user;
  const answer = await db().conversationAnswer.create({
    data: {
      conversationId: input.conversationId,
      question: input.question,
      side,
      authorId: user.userId,
      authorName: `${'name' in user ? user.name : user.email} (${user.organisationName})`,
      text: input.text,
    },
  });
  await writeAudit({
    event: 'kwaliteitsgesprek.antwoord',
    actor: scope.user,
    object: `kwaliteitsgesprek ${input.conversationId}, vraag ${input.question}, antwoord ${answer.id}`,
    address,
  });
  return answer;
}

export async function addAction(scope: Scope, input: z.infer<typeof ZAction>, address: string | null) {
  checkCaller(scope, 'conversation:contribute');
  sideOf(scope);
  await visible(scope, input.conversationId);
  const action = await db().conversationAction.create({
    data: {
      conversationId: input.conversationId,
      description: input.description,
      owner: input.owner,
      dueDate: input.dueDate,
      createdById: scope.user.userId,
    },
  });
  await writeAudit({
    event: 'kwaliteitsgesprek.actie',
    actor: scope.user,
    object: `kwaliteitsgesprek ${input.conversationId}, actie ${action.id}`,
    address,
  });
  return action;
}

export async function setActionStatus(scope: Scope, input: z.infer<typeof ZActionStatus>, address: string | null) {
  checkCaller(scope, 'conversation:contribute');
  sideOf(scope);
  const action = await db().conversationAction.findFirst({
    where: { id: input.actionId, conversation: conversationWhere(scope) },
    select: { id: true, conversationId: true },
  });
  if (!action) throw conversationNotFound();
  await db().conversationAction.update({
    where: { id: action.id },
    data: { status: input.status, doneAt: input.status === 'AFGEROND' ? new Date() : null },
  });
  await writeAudit({
    event: `kwaliteitsgesprek.actie-${input.status === 'AFGEROND' ? 'afgerond' : 'heropend'}`,
    actor: scope.user,
    object: `kwaliteitsgesprek ${action.conversationId}, actie ${action.id}`,
    address,
  });
  return action;
}
