import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { openString } from '@/lib/crypto/secret-box';
import { db } from '@/lib/db';
import { linksShownInOutbox } from '@/lib/mail/send-mail';

/**
 * The outbox, newest first: to whom, why (subject and text) and whether it went out, with every
 * account link withheld. Only the local demo without a mail server adds the whole text (`demoText`).
 */
export async function listOutbox(scope: Extract<Scope, { kind: 'ttp' }>, take = 50) {
  checkCaller(scope, 'mail:outbox', 'ttp');
  const rows = await db().outboxMail.findMany({ orderBy: { createdAt: 'desc' }, take });
  const demo = linksShownInOutbox();
  return rows.map(({ bodyEnc, ...m }) => ({
    ...m,
    demoText: demo && bodyEnc ? openString(bodyEnc, m.id) : null,
  }));
}
