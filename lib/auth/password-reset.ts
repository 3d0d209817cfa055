import { writeAudit } from '@/lib/audit/write-audit';
import { inBackground } from '@/lib/background';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { ACCOUNT_LINK, sendMail } from '@/lib/mail/send-mail';
import { settled } from '@/lib/promises';
import { hashPassword, passwordProblem } from './password';
import { revokeAllSessions } from './sessions';
import { consumeUserToken, issueUserToken } from './user-tokens';

const LINK_INVALID = 'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe link aan.';

const RESET_VALID_MINUTES = 60;
const MAX_RESETS_PER_HOUR = 3; // stops mail-bombing someone's inbox through the public form

let queue: Promise<void> = Promise.resolve();

/**
 * Always answers the same, and as fast, whether or not the address is known (no account
 * enumeration): the lookup, the link and the mail happen after the answer.
 */
export async function requestPasswordReset(email: string, address?: string | null): Promise<void> {
  // one at a time, so the per-hour count sees the links issued before it
  const next = queue.then(() => handlePasswordReset(email, address));
  queue = settled(next);
  inBackground('wachtwoordherstel', () => next);
}

async function handlePasswordReset(email: string, address?: string | null): Promise<void> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    include: { organisation: true },
  });
  if (!user?.active || !user.organisation.active) {
    await writeAudit({
      event: 'wachtwoord.herstel.aangevraagd',
      object: 'onbekend of inactief account',
      address,
      outcome: 'mislukt',
    });
    return;
  }
  const recent = await db().userToken.count({
    where: { userId: user.id, purpose: 'WACHTWOORD_HERSTEL', createdAt: { gt: new Date(Date.now() - 3_600_000) } },
  });
  if (recent >= MAX_RESETS_PER_HOUR) {
    await writeAudit({
      event: 'wachtwoord.herstel.aangevraagd',
      object: `te vaak: ${user.email}`,
      address,
      outcome: 'geweigerd',
    });
    return;
  }
  const token = await issueUserToken(user.id, 'WACHTWOORD_HERSTEL', RESET_VALID_MINUTES);
  await sendMail({
    to: user.email,
    subject: 'Wachtwoord herstellen voor Gemeenteportaal',
    body: [
      `Beste ${user.name},`,
      '',
      'Er is gevraagd uw wachtwoord voor Gemeenteportaal te herstellen. Kies een nieuw wachtwoord via deze link:',
      ACCOUNT_LINK,
      '',
      `De link werkt één keer en is ${RESET_VALID_MINUTES} minuten geldig. Heeft u dit niet zelf gevraagd? Dan kunt u dit bericht negeren; uw wachtwoord blijft ongewijzigd.`,
    ].join('\n'),
    link: `${env().APP_URL}/wachtwoord-herstellen?token=${token}`,
  });
  await writeAudit({
    event: 'wachtwoord.herstel.aangevraagd',
    actor: {
      userId: user.id,
      email: user.email,
      role: user.role,
      organisationId: user.organisationId,
      organisationName: user.organisation.name,
    },
    address,
  });
}

/** Sets a new password with a one-time token (reset or invitation); ends every open session. */
export async function resetPassword(token: string, newPassword: string, address?: string | null): Promise<void> {
  const problem = passwordProblem(newPassword);
  if (problem) throw new AppError(problem);
  const userId = await consumeUserToken(token);
  if (!userId) throw new AppError(LINK_INVALID, 400, 'LINK_ONGELDIG');
  const user = await db().user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), failedLogins: 0, lockedUntil: null },
    include: { organisation: true },
  });
  await revokeAllSessions(userId);
  await writeAudit({
    event: 'wachtwoord.gewijzigd',
    actor: {
      userId,
      email: user.email,
      role: user.role,
      organisationId: user.organisationId,
      organisationName: user.organisation.name,
    },
    address,
  });
}
