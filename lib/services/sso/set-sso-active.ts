import { checkCaller } from '@/lib/access/check-caller';
import { assertSecondAdmin } from '@/lib/access/four-eyes';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { revokeSsoSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * Turns an organisation's single sign-on on or off. Off ends its single sign-on sessions now; its
 * accounts then log in with a password and TOTP again (the TTP re-invites those that never had one).
 * On takes a second admin: not the one who last saved the connection (four eyes).
 */
export async function setSsoActive(scope: TtpScope, connectionId: string, active: boolean, address: string | null) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  const c = await db().ssoConnection.findUnique({ where: { id: connectionId }, include: { organisation: true } });
  if (!c) throw new AppError('Onbekende inlogdienst.', 404);
  if (active) assertSecondAdmin(scope, c.changedBy, 'deze inlogdienst zelf ingesteld of gewijzigd');
  await db().$transaction(async (tx) => {
    await tx.ssoConnection.update({ where: { id: c.id }, data: { active } });
    if (!active) await revokeSsoSessions(c.id, tx);
  });
  await writeAudit({
    event: active ? 'sso.aangezet' : 'sso.uitgezet',
    actor: scope.user,
    object: `inlogdienst van ${c.organisation.name} (${c.issuer})`,
    address,
  });
}
