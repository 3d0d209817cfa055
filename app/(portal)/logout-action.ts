'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { requestAddress } from '@/lib/audit/request-address';
import { writeAudit } from '@/lib/audit/write-audit';
import { getCurrentUser } from '@/lib/auth/current-user';
import { revokeSession } from '@/lib/auth/sessions';

// next-auth's session cookie, plain and as the secure variant it uses over https.
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/**
 * Logging out as a plain form post: it works before the page has hydrated and without JavaScript.
 * The server-side session is revoked (so a copied cookie is worthless) and the cookie removed.
 */
export async function logoutAction() {
  const user = await getCurrentUser();
  if (user) {
    await revokeSession(user.sessionId);
    await writeAudit({
      event: 'uitloggen',
      actor: user,
      object: `sessie ${user.sessionId}`,
      address: await requestAddress(),
    });
  }
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect('/inloggen?uitgelogd');
}
