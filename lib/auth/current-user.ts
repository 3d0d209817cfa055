import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import type { SessionUser } from '@/lib/auth/session-user';
import { authOptions } from './auth-options';
import { resolveSession, type SessionState } from './sessions';

/** This request's session, re-read from the database once per request; null without a session cookie. */
const getSessionState = cache(async (): Promise<SessionState | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  return session?.sid ? resolveSession(session.sid) : null;
});

export async function getCurrentUser(): Promise<SessionUser | null> {
  const state = await getSessionState();
  return state && 'user' in state ? state.user : null;
}

/** The signed-in user, or a redirect to the login page (saying so when the session went idle). */
export async function requireUser(): Promise<SessionUser> {
  const state = await getSessionState();
  if (state && 'user' in state) return state.user;
  redirect(
    state?.expired === 'idle'
      ? '/inloggen?verlopen'
      : state?.expired === 'inactive'
        ? '/inloggen?beeindigd'
        : '/inloggen',
  );
}
