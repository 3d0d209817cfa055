import { ROLES } from '@/lib/access/roles';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { OrganisationKind, Role } from '@/lib/generated/prisma/enums';

// The rules every account change obeys, in one place: a role must fit its organisation's kind, and
// the portal always keeps at least one active TTP admin (or nobody could manage it any more).

export function assertRoleFits(role: Role, kind: OrganisationKind) {
  if (ROLES[role].organisationKind !== kind) {
    throw new AppError(
      `De rol "${ROLES[role].label}" past niet bij een organisatie van dit soort.`,
      400,
      'ROL_PAST_NIET',
    );
  }
}

/** Throws when `userId` is the last active TTP admin and the change would take that away. */
export async function assertNotLastAdmin(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
  if (user?.role !== 'TTP_BEHEER' || !user.active) return;
  const others = await db().user.count({
    where: { role: 'TTP_BEHEER', active: true, id: { not: userId }, organisation: { active: true } },
  });
  if (others === 0)
    throw new AppError(
      'Dit is de laatste actieve beheerder van de TTP: maak eerst een andere beheerder aan.',
      409,
      'LAATSTE_BEHEERDER',
    );
}
