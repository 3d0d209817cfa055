import { db } from '@/lib/db';
import { SSO_PROVIDER_PREFIX } from './sso-providers';

export const emailDomain = (email: string) => email.trim().toLowerCase().split('@')[1] ?? '';

/**
 * The single sign-on for an e-mail address, by its domain only: the answer is the same whether an
 * account with that address exists or not, so it tells nobody which addresses have accounts.
 */
export async function ssoForEmail(email: string): Promise<{ providerId: string; organisationName: string } | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const c = await db().ssoConnection.findFirst({
    where: { active: true, domains: { has: domain }, organisation: { active: true } },
    include: { organisation: { select: { name: true } } },
  });
  return c && { providerId: `${SSO_PROVIDER_PREFIX}${c.organisationId}`, organisationName: c.organisation.name };
}

/** Whether this account logs in through its organisation's identity provider (then not by password). */
export async function ssoCovers(user: { email: string; organisationId: string }): Promise<boolean> {
  const c = await db().ssoConnection.findFirst({
    where: { organisationId: user.organisationId, active: true, domains: { has: emailDomain(user.email) } },
    select: { id: true },
  });
  return c !== null;
}
