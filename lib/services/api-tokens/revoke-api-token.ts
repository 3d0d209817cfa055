import type { Scope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';

/** Revokes a token at once (the next API call with it is refused); the record stays for the audit trail. */
export async function revokeApiToken(scope: Extract<Scope, { kind: 'ttp' }>, tokenId: string, address: string | null) {
  const { count } = await db().apiToken.updateMany({
    where: { id: tokenId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count)
    await writeAudit({ event: 'api-token.ingetrokken', actor: scope.user, object: `api-token ${tokenId}`, address });
  return count > 0;
}
