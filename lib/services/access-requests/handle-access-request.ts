import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { OPEN_STATUSES } from '@/lib/services/agreements/agreement-lifecycle';
import { requestAgreement, ZAgreementVersion } from '@/lib/services/agreements/request-agreement';
import { currentAgreementWhere } from '@/lib/uploads/has-current-agreement';
import { inviteRequestedAccounts } from './invite-requested-accounts';

export const ZHandleRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accepteren'), id: z.uuid(), version: ZAgreementVersion }),
  z.object({ decision: z.literal('afwijzen'), id: z.uuid() }),
]);

/**
 * Accepting registers the provider (or links the one with this AGB code) and starts its agreement
 * (aangevraagd), unless one is already on its way or current; under a current agreement the asked-for
 * accounts are invited at once, otherwise when the signed agreement is recorded. Declining only
 * closes the request. Either way the request stays, for the audit trail.
 */
export async function handleAccessRequest(
  scope: TtpScope,
  input: z.infer<typeof ZHandleRequest>,
  address: string | null,
) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  const request = await db().accessRequest.findUnique({ where: { id: input.id } });
  if (!request) throw new AppError('Deze aanmelding bestaat niet.', 404);
  if (request.status !== 'NIEUW') throw new AppError('Deze aanmelding is al afgehandeld.', 409);
  const object = `aanmelding ${request.id} (AGB ${request.agbCode})`;
  // Claimed with the status in the UPDATE: two admins handling the same request cannot both succeed.
  const claim = async (status: 'GEACCEPTEERD' | 'AFGEWEZEN') => {
    const { count } = await db().accessRequest.updateMany({
      where: { id: request.id, status: 'NIEUW' },
      data: { status, handledAt: new Date() },
    });
    if (count !== 1) throw new AppError('Deze aanmelding is al afgehandeld.', 409);
  };
  if (input.decision === 'afwijzen') {
    await claim('AFGEWEZEN');
    await writeAudit({ event: 'aanmelding.afgewezen', actor: scope.user, object, address });
    return { decision: 'afwijzen' as const, name: request.organisationName };
  }
  const existing = await db().organisation.findUnique({ where: { agbCode: request.agbCode } });
  if (existing && existing.kind !== 'AANBIEDER')
    throw new AppError('Deze AGB-code hoort bij een organisatie die geen aanbieder is.', 409);
  if (existing && !existing.active)
    throw new AppError(`${existing.name} is gedeactiveerd; activeer de aanbieder eerst.`, 409);
  await claim('GEACCEPTEERD');
  const aanbieder =
    existing ??
    (await db().organisation.create({
      data: {
        kind: 'AANBIEDER',
        name: request.organisationName,
        agbCode: request.agbCode,
        contactEmail: request.contactEmail,
      },
    }));
  if (!existing)
    await writeAudit({
      event: 'organisatie.aangemaakt',
      actor: scope.user,
      object: `organisatie ${aanbieder.id} (aanbieder ${aanbieder.agbCode}, ${aanbieder.name}) uit ${object}`,
      address,
    });
  await db().accessRequest.update({ where: { id: request.id }, data: { organisationId: aanbieder.id } });
  await writeAudit({ event: 'aanmelding.geaccepteerd', actor: scope.user, object, address });

  const [open, current] = await Promise.all([
    db().processingAgreement.count({ where: { aanbiederId: aanbieder.id, status: { in: OPEN_STATUSES } } }),
    db().processingAgreement.count({ where: { aanbiederId: aanbieder.id, ...currentAgreementWhere(new Date()) } }),
  ]);
  if (!open && !current) await requestAgreement(scope, { aanbiederId: aanbieder.id, version: input.version }, address);
  const invites = current ? await inviteRequestedAccounts(scope, aanbieder.id, address) : null;
  return {
    decision: 'accepteren' as const,
    name: aanbieder.name,
    linked: Boolean(existing),
    agreementStarted: !open && !current,
    invites,
  };
}
