import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { addressFromHeaders } from '@/lib/audit/request-address';
import { writeAudit } from '@/lib/audit/write-audit';
import { env } from '@/lib/env';
import { authenticate } from './authenticate';
import { revokeSession } from './sessions';

// next-auth 4, Credentials + JWT. The token carries only the server-side session id (`sid`);
// lib/auth/current-user.ts re-reads everything else from the database on every request.
export function authOptions(): NextAuthOptions {
  const { NEXTAUTH_SECRET, SESSION_MAX_HOURS } = env();
  return {
    secret: NEXTAUTH_SECRET,
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
    ],
    callbacks: {
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
