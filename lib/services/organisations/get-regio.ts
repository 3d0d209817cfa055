import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { isUuid } from '@/lib/validation';

/** A region with its members, and the registered municipalities that could join it; null when it is no region. */
export async function getRegio(scope: TtpScope, id: string) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  if (!isUuid(id)) return null;
  const regio = await db().organisation.findFirst({
    where: { id, kind: 'REGIO' },
    select: {
      id: true,
      name: true,
      active: true,
      hostGemeenteId: true,
      regioMembers: {
        select: { gemeente: { select: { id: true, name: true, cbsCode: true } } },
        orderBy: { gemeente: { name: 'asc' } },
      },
    },
  });
  if (!regio) return null;
  const members = regio.regioMembers.map((m) => m.gemeente);
  const candidates = await db().organisation.findMany({
    where: { kind: 'GEMEENTE', active: true, id: { notIn: members.map((m) => m.id) } },
    select: { id: true, name: true, cbsCode: true },
    orderBy: { name: 'asc' },
  });
  return { ...regio, members, candidates };
}
