import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { callbackUrlOf } from '@/lib/auth/sso/sso-providers';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

/** Every organisation's single sign-on for the TTP's page; the client secret never leaves the server. */
export async function listSsoConnections(scope: TtpScope) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  const rows = await db().ssoConnection.findMany({
    include: { organisation: { select: { name: true, kind: true } }, _count: { select: { sessions: true } } },
    orderBy: { organisation: { name: 'asc' } },
  });
  return rows.map(({ clientSecretEnc: _, ...c }) => ({
    ...c,
    callbackUrl: callbackUrlOf(env().APP_URL, c.organisationId),
  }));
}
