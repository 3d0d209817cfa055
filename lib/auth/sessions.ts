import { gemeenteCodesOf, ORGANISATION_SCOPE_COLUMNS, type OrganisationScopeRow } from '@/lib/auth/gemeente-codes';
import type { SessionUser } from '@/lib/auth/session-user';
import { db, pgPool } from '@/lib/db';
import { env } from '@/lib/env';
import type { Role } from '@/lib/generated/prisma/enums';
import { recheckSsoSession } from './sso/sso-recheck';

// The JWT only carries a session id. Each request re-reads session, user and organisation, so a
// logout, a disabled account, an idle session or a changed role takes effect at once.
const TOUCH_AFTER_MS = 60_000;

export async function createSession(userId: string): Promise<string> {
  const session = await db().session.create({ data: { userId } });
  return session.id;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every open single sign-on session through one connection (turned off or changed), in `client`'s transaction if given. */
export async function revokeSsoSessions(
  ssoConnectionId: string,
  client: Pick<ReturnType<typeof db>, 'session'> = db(),
): Promise<void> {
  await client.session.updateMany({ where: { ssoConnectionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeAllSessions(userId: string): Promise<void> {
  await db().session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export type SessionState = { user: SessionUser } | { expired: 'idle' | 'revoked' | 'inactive' | 'unknown' };

type SessionRow = OrganisationScopeRow & {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  sso_connection_id: string | null;
  idp_refresh_enc: string | null;
  idp_checked_at: Date | null;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  user_active: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function resolveSession(sessionId: string, now = new Date()): Promise<SessionState> {
  // Session, user, organisation and a region's members in one statement over the pg pool: every page
  // and action asks this, and Prisma's nested include made it five statements and ~5 ms of the portal's
  // CPU (npm run bench:dashboard, pages and load).
  if (!UUID.test(sessionId)) return { expired: 'unknown' };
  const {
    rows: [row],
  } = await pgPool().query<SessionRow>({
    name: 'resolve-session',
    text: `SELECT s.id, s.created_at, s.last_seen_at, s.revoked_at, s.sso_connection_id, s.idp_refresh_enc, s.idp_checked_at,
            u.id AS user_id, u.email, u.name, u.role, u.active AS user_active, ${ORGANISATION_SCOPE_COLUMNS}
     FROM "session" s JOIN app_user u ON u.id = s.user_id JOIN organisation o ON o.id = u.organisation_id
     WHERE s.id = $1::uuid`,
    values: [sessionId],
  });
  if (!row) return { expired: 'unknown' };
  if (row.revoked_at) return { expired: 'revoked' };
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  const idleMs = now.getTime() - row.last_seen_at.getTime();
  if (
    idleMs > SESSION_IDLE_MINUTES * 60_000 ||
    now.getTime() - row.created_at.getTime() > SESSION_MAX_HOURS * 3_600_000
  ) {
    await revokeSession(row.id);
    return { expired: 'idle' };
  }
  if (!row.user_active || !row.org_active) return { expired: 'inactive' };
  const sso = {
    id: row.id,
    ssoConnectionId: row.sso_connection_id,
    idpRefreshEnc: row.idp_refresh_enc,
    idpCheckedAt: row.idp_checked_at,
  };
  if ((await recheckSsoSession(sso, now)) === 'ended') return { expired: 'inactive' };
  if (idleMs > TOUCH_AFTER_MS) {
    await pgPool().query('UPDATE "session" SET last_seen_at = $2 WHERE id = $1', [row.id, now]);
  }
  return {
    user: {
      sessionId: row.id,
      userId: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      organisationId: row.org_id,
      organisationName: row.org_name,
      organisationKind: row.org_kind,
      agbCode: row.agb_code,
      gemeenteCodes: gemeenteCodesOf(row),
    },
  };
}
