import type { Scope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { apiTokenWhere } from './token-scope';

/** Revokes a token at once (the next API call with it is refused); the record stays for the audit trail. */
export async function revokeApiToken(scope: Scope, tokenId: string, address: string | null) {
  const { count } = await db().apiToken.updateMany({
    where: { AND: [{ id: tokenId, revokedAt: null }, apiTokenWhere(scope)] },
    data: { revokedAt: new Date() },
  });
  if (count)
    await writeAudit({ event: 'api-token.ingetrokken', actor: scope.user, object: `api-token ${tokenId}`, address });
  return count > 0;
}
