import type { TtpScope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { inviteAccount } from '@/lib/services/accounts/invite-account';
import { requestedAccounts } from './submit-access-request';

/**
 * Invites the accounts that accepted aanmeldingen of this provider asked for, once (docs/domain.md: the
 * accounts get their link when the signed agreement is recorded). An address that already has an
 * account is skipped and reported, never re-invited or moved.
 */
export async function inviteRequestedAccounts(scope: TtpScope, aanbiederId: string, address: string | null) {
  const requests = await db().accessRequest.findMany({
    where: { organisationId: aanbiederId, status: 'GEACCEPTEERD', invitedAt: null },
  });
  const invited: string[] = [];
  const skipped: string[] = [];
  for (const request of requests) {
    for (const a of requestedAccounts(request.accounts)) {
      try {
        await inviteAccount(scope, { ...a, organisationId: aanbiederId }, address);
        invited.push(a.email);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        skipped.push(a.email);
      }
    }
    await db().accessRequest.update({ where: { id: request.id }, data: { invitedAt: new Date() } });
  }
  return { invited, skipped };
}
