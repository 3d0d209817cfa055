import type { Scope } from '@/lib/access/scope';
import { gemeenteCodesOf, ORGANISATION_SCOPE_COLUMNS, type OrganisationScopeRow } from '@/lib/auth/gemeente-codes';
import { pgPool } from '@/lib/db';
import { hashToken, tokenPrefix } from './token-hash';
import { mayHoldToken } from './token-holders';

type TokenRow = OrganisationScopeRow & { id: string; revoked_at: Date | null; last_used_at: Date | null };

/** lastUsedAt is a list column for admins, not an access log (that is the audit log): minute precision will do. */
const TOUCH_AFTER_MS = 60_000;

type TokenScope = Extract<Scope, { kind: 'gemeente' | 'aanbieder' }>;

/**
 * The scope of a bearer token: a municipality's or region's residents, exactly as its users see them
 * (protected), or a provider's own deliveries. null for a missing, unknown or revoked token, or an
 * inactive organisation. One query over the plain pg pool: the API is called by BI tools in bulk, and
 * Prisma's raw query cost about 1.5 ms more than the query itself (npm run bench:dashboard). Routes take
 * the narrowed forms below, so a token opens only its own kind.
 */
export async function authenticateApiToken(authorization: string | null): Promise<TokenScope | null> {
  const token = /^Bearer (gp_[A-Za-z0-9_-]{43})$/.exec(authorization ?? '')?.[1];
  if (!token) return null;
  const {
    rows: [row],
  } = await pgPool().query<TokenRow>({
    // Named: each connection parses and plans it once.
    name: 'authenticate-api-token',
    text: `SELECT t.id, t.revoked_at, t.last_used_at, ${ORGANISATION_SCOPE_COLUMNS}
     FROM api_token t JOIN organisation o ON o.id = t.organisation_id
     WHERE t.token_hash = $1`,
    values: [hashToken(token)],
  });
  if (!row || row.revoked_at || !row.org_active || !mayHoldToken(row.org_kind)) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_AFTER_MS) {
    await pgPool().query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [row.id]);
  }
  const actor = {
    userId: null,
    email: `api-token:${tokenPrefix(token)}`,
    organisationId: row.org_id,
    organisationName: row.org_name,
    organisationKind: row.org_kind,
  };
  if (row.org_kind === 'AANBIEDER') {
    if (!row.agb_code) return null;
    return {
      kind: 'aanbieder',
      aanbiederId: row.org_id,
      agbCode: row.agb_code,
      // Delivering is what the upload role does; the delivery routes are the only ones that take this scope.
      user: { ...actor, role: 'AANBIEDER_UPLOAD', agbCode: row.agb_code, gemeenteCodes: [] },
    };
  }
  const gemeenteCodes = gemeenteCodesOf(row);
  return {
    kind: 'gemeente',
    gemeenteCodes,
    user: { ...actor, role: row.org_kind, agbCode: null, gemeenteCodes },
  };
}

/** A municipality's or region's token, for the indicator API; any other token is refused as unknown. */
export const indicatorTokenScope = async (authorization: string | null) => {
  const scope = await authenticateApiToken(authorization);
  return scope?.kind === 'gemeente' ? scope : null;
};

/** A provider's token, for the delivery API; any other token is refused as unknown. */
export const deliveryTokenScope = async (authorization: string | null) => {
  const scope = await authenticateApiToken(authorization);
  return scope?.kind === 'aanbieder' ? scope : null;
};
