import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { assertNotLastAdmin, assertRoleFits } from './account-rules';
import { sendInvite } from './invite-account';

// Account changes by a TTP admin. Sessions re-read the account on every request, so a new role or
// a deactivation counts from the user's next click; open sessions are ended where that is safer.

export type AccountChange =
  | { kind: 'rol'; role: Role }
  | { kind: 'deactiveren' }
  | { kind: 'activeren' }
  | { kind: '2fa-resetten' }
  | { kind: 'uitnodiging-opnieuw' };

async function findAccount(id: string) {
  const user = await db().user.findUnique({ where: { id }, include: { organisation: true } });
  if (!user) throw new AppError('Onbekend account.', 404);
  return user;
}

export async function changeAccount(scope: TtpScope, userId: string, change: AccountChange, address: string | null) {
  checkCaller(scope, 'accounts:manage', 'ttp');
  const user = await findAccount(userId);
  let what: string;
  switch (change.kind) {
    case 'rol':
      assertRoleFits(change.role, user.organisation.kind);
      if (change.role !== 'TTP_BEHEER') await assertNotLastAdmin(user.id);
      await db().user.update({ where: { id: user.id }, data: { role: change.role } });
      what = `rol ${user.role} → ${change.role}`;
      break;
    case 'deactiveren':
      await assertNotLastAdmin(user.id);
      await db().user.update({ where: { id: user.id }, data: { active: false } });
      await revokeAllSessions(user.id);
      what = 'gedeactiveerd';
      break;
    case 'activeren':
      await db().user.update({ where: { id: user.id }, data: { active: true, failedLogins: 0, lockedUntil: null } });
      what = 'geactiveerd';
      break;
    case '2fa-resetten':
      // The next login enrols a new authenticator (lost phone); open sessions end now.
      await db().user.update({
        where: { id: user.id },
        // also the single sign-on identity: the TTP's way to let a new identity take over the account
        data: { totpSecretEnc: null, totpPendingEnc: null, totpEnabledAt: null, totpLastStep: null, ssoSubject: null },
      });
      await revokeAllSessions(user.id);
      what = '2FA gereset';
      break;
    case 'uitnodiging-opnieuw':
      if (user.passwordHash)
        throw new AppError('Dit account heeft de uitnodiging al aangenomen; gebruik "wachtwoord vergeten".', 409);
      await sendInvite(user, user.organisation.name);
      what = 'uitnodiging opnieuw verstuurd';
      break;
  }
  await writeAudit({
    event: `account.${change.kind}`,
    actor: scope.user,
    object: `account ${user.id} (${user.email}): ${what}`,
    address,
  });
}
