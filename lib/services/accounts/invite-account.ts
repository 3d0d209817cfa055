import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { ssoCovers } from '@/lib/auth/sso/find-sso';
import { issueUserToken } from '@/lib/auth/user-tokens';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { Role } from '@/lib/generated/prisma/enums';
import { ACCOUNT_LINK, sendMail } from '@/lib/mail/send-mail';
import { assertRoleFits } from './account-rules';

export const INVITE_VALID_DAYS = 7;

export const ZInvite = z.object({
  email: z.email('Vul een geldig e-mailadres in.').transform((v) => v.trim().toLowerCase()),
  name: z.string().trim().min(2, 'Vul de naam in.').max(120, 'Hoogstens 120 tekens.'),
  role: z.enum(Role, 'Kies een rol.'),
  organisationId: z.uuid('Kies een organisatie.'),
});

/**
 * Mails a one-time link to set a password; 2FA is enrolled at the first login. An account that
 * logs in through its organisation's identity provider gets no password: its mail says where to log in.
 */
export async function sendInvite(
  user: { id: string; email: string; name: string; organisationId: string },
  organisationName: string,
) {
  if (await ssoCovers(user)) {
    await sendMail({
      to: user.email,
      subject: 'Uw account voor Gemeenteportaal',
      body: [
        `Beste ${user.name},`,
        '',
        `Er is een account voor u aangemaakt bij Gemeenteportaal (${organisationName}). U logt in met het account van uw werk: kies op ${env().APP_URL}/inloggen "Inloggen via uw organisatie". Een apart wachtwoord is niet nodig.`,
      ].join('\n'),
    });
    return;
  }
  const token = await issueUserToken(user.id, 'UITNODIGING', INVITE_VALID_DAYS * 24 * 60);
  await sendMail({
    to: user.email,
    subject: 'Uw account voor Gemeenteportaal',
    body: [
      `Beste ${user.name},`,
      '',
      `Er is een account voor u aangemaakt bij Gemeenteportaal (${organisationName}). Kies een wachtwoord via deze link:`,
      ACCOUNT_LINK,
      '',
      `De link werkt één keer en is ${INVITE_VALID_DAYS} dagen geldig. Bij de eerste keer inloggen stelt u tweestapsverificatie in met een authenticator-app.`,
    ].join('\n'),
    link: `${env().APP_URL}/wachtwoord-herstellen?token=${token}`,
  });
}

/** Creates an account for an organisation and sends the invitation. */
export async function inviteAccount(scope: TtpScope, input: z.infer<typeof ZInvite>, address: string | null) {
  checkCaller(scope, 'accounts:manage', 'ttp');
  const org = await db().organisation.findUnique({ where: { id: input.organisationId } });
  if (!org?.active) throw new AppError('Deze organisatie bestaat niet of is gedeactiveerd.', 400);
  assertRoleFits(input.role, org.kind);
  if (await db().user.findUnique({ where: { email: input.email } }))
    throw new AppError('Er bestaat al een account met dit e-mailadres.', 409);
  const user = await db().user.create({
    data: { email: input.email, name: input.name, role: input.role, organisationId: org.id },
  });
  await sendInvite(user, org.name);
  await writeAudit({
    event: 'account.uitgenodigd',
    actor: scope.user,
    object: `account ${user.id} (${user.email}, ${user.role}) bij ${org.name}`,
    address,
  });
  return user;
}
