// Whether an identity provider's ID token proves a login with more than one factor. The portal asks
// no TOTP code of single sign-on users, so this is the only second factor they have.

/** RFC 8176 authentication method references, by the kind of factor they prove. */
const FACTOR_OF: Record<string, 'weet' | 'heeft' | 'is'> = {
  pwd: 'weet',
  pin: 'weet',
  kba: 'weet',
  otp: 'heeft',
  hwk: 'heeft',
  swk: 'heeft',
  sms: 'heeft',
  tel: 'heeft',
  sc: 'heeft',
  pop: 'heeft',
  fpt: 'is',
  face: 'is',
  iris: 'is',
  retina: 'is',
  vbm: 'is',
};

/**
 * Authentication context classes that promise more than one factor: the OpenID PAPE multi-factor
 * policy and eIDAS "substantial" and "high" (which the Dutch eHerkenning levels 3 and up map to).
 */
export const MFA_ACR_VALUES = [
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
  'http://eidas.europa.eu/LoA/substantial',
  'http://eidas.europa.eu/LoA/high',
] as const;

/**
 * True when `amr` says "mfa" (what Microsoft Entra ID sends after MFA), or names factors of two
 * different kinds (e.g. pwd + otp), or when `acr` is one of the multi-factor classes above.
 * Anything else, a missing claim included, is not MFA.
 */
export function provesMfa(claims: { amr?: unknown; acr?: unknown }): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  if (amr.includes('mfa')) return true;
  const kinds = new Set(amr.map((m) => FACTOR_OF[m]).filter(Boolean));
  if (kinds.size >= 2) return true;
  return typeof claims.acr === 'string' && (MFA_ACR_VALUES as readonly string[]).includes(claims.acr);
}
