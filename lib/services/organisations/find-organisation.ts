import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isUuid } from '@/lib/validation';

/** Which organisations a scope may open: TTP admins all (they manage them), everyone else only its own. */
export function organisationWhere(scope: Scope): Prisma.OrganisationWhereInput {
  return scope.kind === 'ttp' ? {} : { id: scope.user.organisationId };
}

/** One organisation, or null when it does not exist *or* lies outside the scope (the page answers 404). */
export async function findOrganisation(scope: Scope, id: string) {
  checkCaller(scope, 'organisatie:view');
  if (!isUuid(id)) return null;
  return db().organisation.findFirst({
    where: { AND: [{ id }, organisationWhere(scope)] },
    select: {
      id: true,
      kind: true,
      name: true,
      agbCode: true,
      cbsCode: true,
      active: true,
      contactEmail: true,
      hostGemeente: { select: { name: true } },
      regioMembers: {
        select: { gemeente: { select: { name: true, cbsCode: true } } },
        orderBy: { gemeente: { name: 'asc' } },
      },
      _count: { select: { users: true } },
    },
  });
}
