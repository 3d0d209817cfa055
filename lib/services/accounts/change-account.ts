import { checkCaller } from '@/lib/access/check-caller';
import { assertSecondAdmin } from '@/lib/access/four-eyes';
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

/** What a change came to: a 2FA reset asked by one admin waits for a second. */
export type AccountChangeOutcome = AccountChange['kind'] | '2fa-aangevraagd';

/** A 2FA reset asked longer ago than this is asked anew: a second admin confirms a fresh request. */
const RESET_REQUEST_DAYS = 7;

async function findAccount(id: string) {
  const user = await db().user.findUnique({ where: { id }, include: { organisation: true } });
  if (!user) throw new AppError('Onbekend account.', 404);
  return user;
}

export async function changeAccount(
  scope: TtpScope,
  userId: string,
  change: AccountChange,
  address: string | null,
): Promise<AccountChangeOutcome> {
  checkCaller(scope, 'accounts:manage', 'ttp');
  const user = await findAccount(userId);
  let what: string;
  const outcome: AccountChangeOutcome = change.kind;
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
    case '2fa-resetten': {
      // Four eyes: whoever resets a second factor can enrol their own, so one admin asks and another
      // confirms (lib/access/four-eyes.ts). The next login enrols a new authenticator (lost phone).
      const asked =
        user.totpResetRequestedBy &&
        user.totpResetRequestedAt &&
        user.totpResetRequestedAt > new Date(Date.now() - RESET_REQUEST_DAYS * 86_400_000)
          ? user.totpResetRequestedBy
          : null;
      if (!asked) {
        await db().user.update({
          where: { id: user.id },
          data: { totpResetRequestedBy: scope.user.userId, totpResetRequestedAt: new Date() },
        });
        await writeAudit({
          event: 'account.2fa-reset-aangevraagd',
          actor: scope.user,
          object: `account ${user.id} (${user.email}): 2FA-reset aangevraagd, wacht op een tweede beheerder`,
          address,
        });
        return '2fa-aangevraagd';
      }
      assertSecondAdmin(scope, asked, 'deze 2FA-reset zelf aangevraagd');
      const first = await db().user.findUnique({ where: { id: asked }, select: { email: true } });
      await db().user.update({
        where: { id: user.id },
        // also the single sign-on identity: the TTP's way to let a new identity take over the account
        data: {
          totpSecretEnc: null,
          totpPendingEnc: null,
          totpEnabledAt: null,
          totpLastStep: null,
          ssoSubject: null,
          totpResetRequestedBy: null,
          totpResetRequestedAt: null,
        },
      });
      await revokeAllSessions(user.id);
      what = `2FA gereset, aangevraagd door ${first?.email ?? asked}, bevestigd door ${scope.user.email}`;
      break;
    }
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
  return outcome;
}
