import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';

/** All organisations, with what identifies them and how many accounts they have. */
export async function listOrganisations(scope: Extract<Scope, { kind: 'ttp' }>) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  return db().organisation.findMany({
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      kind: true,
      name: true,
      agbCode: true,
      cbsCode: true,
      contactEmail: true,
      active: true,
      hostGemeente: { select: { name: true } },
      _count: { select: { users: true, regioMembers: true } },
    },
  });
}
