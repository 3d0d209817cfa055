import { writeAudit } from '@/lib/audit/write-audit';
import { openString, sealString } from '@/lib/crypto/secret-box';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { discover } from './discovery';

type SsoSession = {
  id: string;
  ssoConnectionId: string | null;
  idpRefreshEnc: string | null;
  idpCheckedAt: Date | null;
};

/**
 * A single sign-on session asks the organisation's identity provider again, with the refresh token
 * it got at login, at most every SSO_RECHECK_SECONDS: an account disabled or removed there (a
 * leaver) gets "invalid_grant", and the session ends here. Only one request per interval asks (the
 * others see the claimed time); providers that rotate refresh tokens get the new one stored.
 * An identity provider that cannot be reached is asked again at the next request, and the session
 * goes on meanwhile: an outage there should not log everyone out here, and a leaver is a clear refusal.
 */
export async function recheckSsoSession(session: SsoSession, now = new Date()): Promise<'ok' | 'ended'> {
  if (!session.ssoConnectionId) return 'ok';
  const due = env().SSO_RECHECK_SECONDS * 1000;
  if (session.idpCheckedAt && now.getTime() - session.idpCheckedAt.getTime() < due) return 'ok';
  const claimed = await db().session.updateMany({
    where: { id: session.id, idpCheckedAt: session.idpCheckedAt, revokedAt: null },
    data: { idpCheckedAt: now },
  });
  if (claimed.count === 0) return 'ok';

  const connection = await db().ssoConnection.findUnique({ where: { id: session.ssoConnectionId } });
  if (!connection?.active || !session.idpRefreshEnc) return end(session.id, 'inloggen via de organisatie staat uit');
  let res: Response;
  try {
    const { token_endpoint } = await discover(connection.issuer);
    const basic = Buffer.from(
      `${encodeURIComponent(connection.clientId)}:${encodeURIComponent(openString(connection.clientSecretEnc, connection.id))}`,
    ).toString('base64');
    res = await fetch(token_endpoint, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: openString(session.idpRefreshEnc, session.id),
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    await db().session.update({ where: { id: session.id }, data: { idpCheckedAt: session.idpCheckedAt } });
    console.warn(`Inlogdienst ${connection.issuer} niet bereikbaar: ${(err as Error).message}`);
    return 'ok';
  }
  if (res.status === 400 || res.status === 401) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    return end(session.id, `de inlogdienst weigert het account (${body.error ?? res.status})`);
  }
  if (!res.ok) {
    await db().session.update({ where: { id: session.id }, data: { idpCheckedAt: session.idpCheckedAt } });
    return 'ok';
  }
  const tokens = (await res.json()) as { refresh_token?: string };
  if (tokens.refresh_token)
    await db().session.update({
      where: { id: session.id },
      data: { idpRefreshEnc: sealString(tokens.refresh_token, session.id) },
    });
  return 'ok';
}

async function end(sessionId: string, why: string): Promise<'ended'> {
  await db().session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
  await writeAudit({ event: 'sessie.beeindigd', object: `sessie ${sessionId}: ${why}`, outcome: 'geweigerd' });
  return 'ended';
}
