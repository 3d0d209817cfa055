import { AppError } from '@/lib/errors';

/** The parts of an OpenID provider's metadata the portal uses. */
export type IdpMetadata = { issuer: string; token_endpoint: string; authorization_endpoint: string };

const TTL_MS = 10 * 60_000;
const cache = new Map<string, { at: number; metadata: IdpMetadata }>();

export const wellKnownOf = (issuer: string) => `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;

/**
 * Reads `/.well-known/openid-configuration` of an issuer (kept 10 minutes) and checks that the
 * provider calls itself by exactly that issuer, as OpenID Connect Discovery requires: a document
 * that names another issuer would let that one's tokens in.
 */
export async function discover(issuer: string, { fresh = false } = {}): Promise<IdpMetadata> {
  const hit = cache.get(issuer);
  if (!fresh && hit && Date.now() - hit.at < TTL_MS) return hit.metadata;
  let body: Partial<IdpMetadata>;
  try {
    const res = await fetch(wellKnownOf(issuer), { signal: AbortSignal.timeout(10_000), redirect: 'error' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = (await res.json()) as Partial<IdpMetadata>;
  } catch (err) {
    throw new AppError(
      `De inlogdienst op ${issuer} is niet bereikbaar of geeft geen OpenID-configuratie (${(err as Error).message}).`,
      400,
    );
  }
  if (body.issuer !== issuer)
    throw new AppError(
      `De inlogdienst noemt zich "${String(body.issuer)}", niet "${issuer}". Vul precies de issuer uit haar configuratie in.`,
      400,
    );
  if (typeof body.token_endpoint !== 'string' || typeof body.authorization_endpoint !== 'string')
    throw new AppError('De OpenID-configuratie van de inlogdienst mist het token- of autorisatie-adres.', 400);
  const metadata = body as IdpMetadata;
  cache.set(issuer, { at: Date.now(), metadata });
  return metadata;
}
