import { db } from '@/lib/db';
import { gemeenteCodesOf } from '@/lib/access/gemeente-codes';
import type { Scope } from '@/lib/access/scope';
import { hashToken, tokenPrefix } from './token-hash';

/**
 * The scope of a bearer token: the municipality's or region's residents, exactly as its users see
 * them (suppressed). null for a missing, unknown or revoked token, or an inactive organisation.
 */
export async function authenticateApiToken(authorization: string | null): Promise<Extract<Scope, { kind: 'gemeente' }> | null> {
  const token = /^Bearer (gp_[A-Za-z0-9_-]{43})$/.exec(authorization ?? '')?.[1];
  if (!token) return null;
  const record = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organisation: { include: { regioMembers: { include: { gemeente: { select: { cbsCode: true } } } } } } },
  });
  const org = record?.organisation;
  if (!record || record.revokedAt || !org?.active || (org.kind !== 'GEMEENTE' && org.kind !== 'REGIO')) return null;
  await db().apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  const gemeenteCodes = gemeenteCodesOf(org);
  return {
    kind: 'gemeente',
    gemeenteCodes,
    user: {
      userId: null,
      email: `api-token:${tokenPrefix(token)}`,
      role: org.kind,
      organisationId: org.id,
      organisationName: org.name,
      organisationKind: org.kind,
      agbCode: null,
      gemeenteCodes,
    },
  };
}
