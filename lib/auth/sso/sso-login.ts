import { writeAudit } from '@/lib/audit/write-audit';
import { sealString } from '@/lib/crypto/secret-box';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { emailDomain } from './find-sso';
import { provesMfa } from './mfa';
import type { SsoRefusal } from './sso-messages';

/** The ID token's claims, as verified by next-auth/openid-client (signature, issuer, audience, nonce, expiry). */
export type IdTokenClaims = {
  iss?: unknown;
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  amr?: unknown;
  acr?: unknown;
};

export type SsoOutcome = { userId: string; sessionId: string } | { refusal: SsoRefusal };

/**
 * Decides a single sign-on through the connection of `organisationId` and opens the portal session.
 * The identity provider proves who someone is; the portal's own account (invited by the TTP) says
 * what they may do. So: the token must come from this connection's issuer and prove MFA; its e-mail
 * address must be verified and in one of this connection's domains; the account with that address
 * must exist, be active and belong to this connection's organisation (never another tenant's); and
 * it must be the identity (issuer + subject) that first used it.
 */
export async function acceptSsoLogin(
  organisationId: string,
  claims: IdTokenClaims,
  refreshToken: string | undefined,
  address: string | null,
): Promise<SsoOutcome> {
  const connection = await db().ssoConnection.findUnique({
    where: { organisationId },
    include: { organisation: true },
  });
  const actorOf = (user: { id: string; email: string; role: Role }) =>
    connection && {
      userId: user.id,
      email: user.email,
      role: user.role,
      organisationId: connection.organisationId,
      organisationName: connection.organisation.name,
    };
  const refuse = async (refusal: SsoRefusal, detail: string, user?: { id: string; email: string; role: Role }) => {
    await writeAudit({
      event: 'inloggen.sso.geweigerd',
      actor: user ? actorOf(user) : null,
      object: `${refusal}: ${detail} (inlogdienst van organisatie ${organisationId})`,
      address,
      outcome: 'geweigerd',
    });
    return { refusal };
  };
  if (!connection?.active || !connection.organisation.active) return refuse('NIET_ACTIEF', 'koppeling inactief');
  if (claims.iss !== connection.issuer) return refuse('MISLUKT', `issuer ${String(claims.iss)}`);
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (email.split('@').length !== 2 || claims.email_verified === false)
    return refuse('GEEN_EMAIL', 'geen geverifieerd e-mailadres');
  if (!connection.domains.includes(emailDomain(email))) return refuse('ANDER_DOMEIN', `domein ${emailDomain(email)}`);
  if (!provesMfa(claims))
    return refuse('GEEN_MFA', `amr ${JSON.stringify(claims.amr ?? null)}, acr ${JSON.stringify(claims.acr ?? null)}`);

  const user = await db().user.findUnique({ where: { email } });
  if (!user || user.organisationId !== connection.organisationId || !user.active)
    return refuse('GEEN_ACCOUNT', 'geen actief account van deze organisatie');
  const subject = `${connection.issuer}|${String(claims.sub)}`;
  if (typeof claims.sub !== 'string' || (user.ssoSubject && user.ssoSubject !== subject))
    return refuse('ANDERE_IDENTITEIT', 'ander subject dan bij de eerste inlog', user);
  if (!refreshToken) return refuse('GEEN_VERNIEUWING', 'geen refresh token', user);

  const session = await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { ssoSubject: subject, lastLoginAt: new Date(), failedLogins: 0, lockedUntil: null },
    });
    const created = await tx.session.create({
      data: { userId: user.id, ssoConnectionId: connection.id, idpCheckedAt: new Date() },
    });
    return tx.session.update({
      where: { id: created.id },
      data: { idpRefreshEnc: sealString(refreshToken, created.id) },
    });
  });
  await writeAudit({
    event: 'inloggen.sso.gelukt',
    actor: actorOf(user),
    object: `sessie ${session.id} via inlogdienst ${connection.issuer}`,
    address,
  });
  return { userId: user.id, sessionId: session.id };
}
