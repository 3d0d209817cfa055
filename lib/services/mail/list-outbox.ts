import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';

/** The outbox, newest first (TTP admins read it when no SMTP server is configured). */
export async function listOutbox(scope: Extract<Scope, { kind: 'ttp' }>, take = 50) {
  checkCaller(scope, 'mail:outbox', 'ttp');
  return db().outboxMail.findMany({ orderBy: { createdAt: 'desc' }, take });
}
