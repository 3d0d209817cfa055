import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';

/** Every account with its organisation and state (never a secret), and the organisations to invite into. */
export async function listAccounts(scope: Extract<Scope, { kind: 'ttp' }>) {
  checkCaller(scope, 'accounts:manage', 'ttp');
  const [users, organisations] = await Promise.all([
    db().user.findMany({
      orderBy: [{ organisation: { name: 'asc' } }, { email: 'asc' }],
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        active: true,
        lastLoginAt: true,
        totpEnabledAt: true,
        lockedUntil: true,
        passwordHash: true,
        totpResetRequestedBy: true,
        totpResetRequestedAt: true,
        organisation: { select: { name: true, kind: true } },
      },
    }),
    db().organisation.findMany({
      where: { active: true },
      orderBy: [{ kind: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, kind: true },
    }),
  ]);
  return {
    users: users.map(({ passwordHash, ...u }) => ({ ...u, invitationPending: !passwordHash })),
    organisations,
  };
}
