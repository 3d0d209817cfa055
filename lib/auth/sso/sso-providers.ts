import type { Provider } from 'next-auth/providers/index';
import { openString } from '@/lib/crypto/secret-box';
import { db } from '@/lib/db';
import { wellKnownOf } from './discovery';

export const SSO_PROVIDER_PREFIX = 'sso-';

/**
 * One next-auth OpenID Connect provider per active connection, id "sso-<organisation id>": the
 * redirect URI /api/auth/callback/sso-<organisation id> is known before the connection exists and
 * stays when it is set up again. Authorization code with PKCE, state and
 * nonce; next-auth (openid-client) verifies the ID token's signature, issuer, audience and expiry.
 * offline_access asks for the refresh token that lets the portal re-check the account later.
 */
export async function ssoProviders(): Promise<Provider[]> {
  const connections = await db().ssoConnection.findMany({
    where: { active: true, organisation: { active: true } },
    include: { organisation: { select: { name: true } } },
  });
  return connections.map((c) => ({
    id: `${SSO_PROVIDER_PREFIX}${c.organisationId}`,
    name: c.organisation.name,
    type: 'oauth',
    wellKnown: wellKnownOf(c.issuer),
    clientId: c.clientId,
    clientSecret: openString(c.clientSecretEnc, c.id),
    authorization: { params: { scope: 'openid email profile offline_access' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    profile: (claims: { sub: string; email?: string }) => ({ id: claims.sub, email: claims.email ?? null }),
  }));
}

export const organisationIdOf = (providerId: string | undefined): string | null =>
  providerId?.startsWith(SSO_PROVIDER_PREFIX) ? providerId.slice(SSO_PROVIDER_PREFIX.length) : null;

export const callbackUrlOf = (appUrl: string, organisationId: string) =>
  `${appUrl.replace(/\/+$/, '')}/api/auth/callback/${SSO_PROVIDER_PREFIX}${organisationId}`;
