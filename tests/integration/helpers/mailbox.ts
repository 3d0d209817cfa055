import { openString } from '@/lib/crypto/secret-box';
import { db } from '@/lib/db';

/**
 * The newest mail to `to` as its addressee receives it (the sealed whole text of the outbox row):
 * the test stands in for the mailbox. What admins see is the row's `body`, without account links.
 */
export async function mailTo(to: string): Promise<string> {
  const row = await db().outboxMail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: 'desc' } });
  if (!row.bodyEnc) throw new Error(`de e-mail aan ${to} is al verstuurd en niet meer bewaard`);
  return openString(row.bodyEnc, row.id);
}

/** The one-time token of the account link in a mail's text. */
export const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
