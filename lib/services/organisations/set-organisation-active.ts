import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * Deactivates or reactivates an organisation. Nothing is deleted: its data, uploads and audit trail
 * stay; its users cannot sign in while it is inactive, and their open sessions end now.
 */
export async function setOrganisationActive(
  scope: TtpScope,
  organisationId: string,
  active: boolean,
  address: string | null,
) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  const org = await db().organisation.findUnique({
    where: { id: organisationId },
    include: { users: { select: { id: true } } },
  });
  if (!org) throw new AppError('Onbekende organisatie.', 404);
  if (!active && org.kind === 'TTP')
    throw new AppError('De organisatie van de TTP zelf kan niet worden gedeactiveerd.', 409);
  await db().organisation.update({ where: { id: org.id }, data: { active } });
  if (!active) for (const u of org.users) await revokeAllSessions(u.id);
  await writeAudit({
    event: active ? 'organisatie.geactiveerd' : 'organisatie.gedeactiveerd',
    actor: scope.user,
    object: `organisatie ${org.id} (${org.name})`,
    address,
  });
}
