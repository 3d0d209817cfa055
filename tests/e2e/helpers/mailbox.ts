import { openString } from '../../../lib/crypto/secret-box';
import { sql } from './accounts';

/**
 * The newest mail to `to` as its addressee receives it: the outbox row's sealed whole text, opened
 * with the data key the test run shares with the server. The test stands in for the mailbox; the
 * outbox page never shows this text (docs/security.md).
 */
export async function mailTo(to: string): Promise<string> {
  for (let tries = 0; ; tries++) {
    const [row] = await sql<{ id: string; body_enc: string | null }>(
      `SELECT id, body_enc FROM outbox_mail WHERE "to" = $1 ORDER BY created_at DESC LIMIT 1`,
      [to],
    );
    if (row?.body_enc) return openString(row.body_enc, row.id);
    if (tries >= 50) throw new Error(`geen e-mail aan ${to}`);
    await new Promise((r) => setTimeout(r, 100)); // some mails are written just after the answer
  }
}

/** The path and query of the first link in a mail's text. */
export const firstLink = (text: string) => {
  const url = new URL(text.match(/https?:\/\/\S+/)![0]);
  return url.pathname + url.search;
};
