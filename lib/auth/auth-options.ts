import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Provider } from 'next-auth/providers/index';
import { addressFromHeaders, requestAddress } from '@/lib/audit/request-address';
import { writeAudit } from '@/lib/audit/write-audit';
import { env } from '@/lib/env';
import { isHttps } from '@/lib/security/transport';
import { authenticate } from './authenticate';
import { revokeSession } from './sessions';
import { acceptSsoLogin } from './sso/sso-login';
import { organisationIdOf } from './sso/sso-providers';

// next-auth 4, Credentials + JWT. The token carries only the server-side session id (`sid`);
// lib/auth/current-user.ts re-reads everything else from the database on every request.
// Single sign-on providers (lib/auth/sso) are passed in by the auth route only: reading a session
// needs none of them.
export function authOptions(sso: Provider[] = []): NextAuthOptions {
  const { NEXTAUTH_SECRET, SESSION_MAX_HOURS, APP_URL } = env();
  return {
    secret: NEXTAUTH_SECRET,
    // Secure (and __Secure-/__Host- names) by APP_URL itself, not by NEXTAUTH_URL, which may be unset
    useSecureCookies: isHttps(APP_URL),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_HOURS * 3600 },
    pages: { signIn: '/inloggen', error: '/inloggen' },
    providers: [
      CredentialsProvider({
        name: 'Gemeenteportaal',
        credentials: { email: {}, password: {}, code: {} },
        async authorize(credentials, req) {
          const headers = new Headers(req?.headers as Record<string, string> | undefined);
          const { sessionId, userId } = await authenticate({
            email: String(credentials?.email ?? ''),
            password: String(credentials?.password ?? ''),
            code: String(credentials?.code ?? ''),
            address: addressFromHeaders(headers),
          });
          return { id: userId, sid: sessionId };
        },
      }),
      ...sso,
    ],
    callbacks: {
      // Single sign-on: the portal's own rules decide (lib/auth/sso/sso-login.ts); a refusal goes back
      // to the login page with its reason. The session id rides on `user` into the jwt callback below.
      async signIn({ user, account, profile }) {
        const organisationId = organisationIdOf(account?.provider);
        if (!organisationId) return true;
        const outcome = await acceptSsoLogin(
          organisationId,
          profile ?? {},
          account?.refresh_token,
          await requestAddress(),
        );
        if ('refusal' in outcome) return `/inloggen?sso=${outcome.refusal}`;
        Object.assign(user, { id: outcome.userId, sid: outcome.sessionId });
        return true;
      },
      jwt({ token, user }) {
        if (user) return { sid: (user as unknown as { sid: string }).sid };
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') {
          await revokeSession(token.sid);
          await writeAudit({ event: 'uitloggen', object: `sessie ${token.sid}` });
        }
      },
    },
  };
}
