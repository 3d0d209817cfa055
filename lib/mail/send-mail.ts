import { randomUUID } from 'node:crypto';
import { inBackground } from '@/lib/background';
import { openString, sealString } from '@/lib/crypto/secret-box';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

/**
 * A mail. An account link (invitation, password reset) goes in `link`, and the body says where with
 * ACCOUNT_LINK: the addressee gets the link, the outbox that admins read never shows it.
 */
export type Mail = { to: string; subject: string; body: string; link?: string };

export const ACCOUNT_LINK = '{persoonlijke-link}';
export const LINK_WITHHELD = '[persoonlijke link: alleen in de e-mail aan de geadresseerde]';

/**
 * Whether the outbox page may show account links: only in the local demo that `npm start` runs on
 * its embedded database (it sets LOCAL_DEMO; lib/env.ts refuses that setting beside an SMTP_URL or a
 * public APP_URL), where no mail can reach anyone.
 */
export const linksShownInOutbox = () => env().LOCAL_DEMO === 'aan' && !env().SMTP_URL;

/**
 * Keeps the mail in the outbox and delivers it after the request: the answer takes the same time
 * whether a mail was written or not, and an SMTP server's pace never shows. The whole text is kept
 * sealed until it is delivered; admins read it with the link withheld.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const id = randomUUID();
  const whole = mail.body.replace(ACCOUNT_LINK, mail.link ?? LINK_WITHHELD);
  await db().outboxMail.create({
    data: {
      id,
      to: mail.to,
      subject: mail.subject,
      body: mail.body.replace(ACCOUNT_LINK, LINK_WITHHELD),
      bodyEnc: sealString(whole, id),
    },
  });
  inBackground('e-mail versturen', deliverOutbox);
}

const CLAIM_MINUTES = 10;

/** Delivers every mail not yet sent (each claimed, so two processes never send one twice). */
export async function deliverOutbox(): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return;
  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport(SMTP_URL);
  for (;;) {
    const [row] = await db().$queryRaw<{ id: string; to: string; subject: string; body_enc: string }[]>`
      UPDATE outbox_mail SET sending_at = now()
       WHERE id = (SELECT id FROM outbox_mail
                    WHERE sent_at IS NULL AND error IS NULL AND body_enc IS NOT NULL
                      AND (sending_at IS NULL OR sending_at < now() - make_interval(mins => ${CLAIM_MINUTES}))
                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, "to", subject, body_enc`;
    if (!row) return;
    try {
      const text = openString(row.body_enc, row.id);
      await transport.sendMail({ from: MAIL_FROM, to: row.to, subject: row.subject, text });
      await db().outboxMail.update({ where: { id: row.id }, data: { sentAt: new Date(), bodyEnc: null } });
    } catch (err) {
      await db().outboxMail.update({ where: { id: row.id }, data: { error: (err as Error).message.slice(0, 500) } });
    }
  }
}
