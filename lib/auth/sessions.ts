import { gemeenteCodesOf } from '@/lib/auth/gemeente-codes';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
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

export async function resolveSession(sessionId: string, now = new Date()): Promise<SessionState> {
  const session = await db().session.findUnique({
    where: { id: sessionId },
    include: {
      user: {
        include: {
          organisation: { include: { regioMembers: { include: { gemeente: { select: { cbsCode: true } } } } } },
        },
      },
    },
  });
  if (!session) return { expired: 'unknown' };
  if (session.revokedAt) return { expired: 'revoked' };
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  if (
    idleMs > SESSION_IDLE_MINUTES * 60_000 ||
    now.getTime() - session.createdAt.getTime() > SESSION_MAX_HOURS * 3_600_000
  ) {
    await revokeSession(session.id);
    return { expired: 'idle' };
  }
  const { user } = session;
  const org = user.organisation;
  if (!user.active || !org.active) return { expired: 'inactive' };
  if ((await recheckSsoSession(session, now)) === 'ended') return { expired: 'inactive' };
  if (idleMs > TOUCH_AFTER_MS) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    user: {
      sessionId: session.id,
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organisationId: org.id,
      organisationName: org.name,
      organisationKind: org.kind,
      agbCode: org.agbCode,
      gemeenteCodes: gemeenteCodesOf(org),
    },
  };
}
