import { db } from '@/lib/db';
import { env } from '@/lib/env';

export type Mail = { to: string; subject: string; body: string };

// Every mail is kept in the outbox (readable by TTP admins). With SMTP_URL set it is also sent;
// without it (local demo) the outbox is the only delivery.
export async function sendMail(mail: Mail): Promise<void> {
  const row = await db().outboxMail.create({ data: mail });
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return;
  try {
    const nodemailer = await import('nodemailer');
    await nodemailer
      .createTransport(SMTP_URL)
      .sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.body });
    await db().outboxMail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  } catch (err) {
    await db().outboxMail.update({ where: { id: row.id }, data: { error: (err as Error).message.slice(0, 500) } });
  }
}
