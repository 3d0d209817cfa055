import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { authOptions } from './auth-options';
import { resolveSession } from './sessions';
import type { SessionUser } from '@/lib/access/scope';

/** The signed-in user, re-read from the database (once per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  if (!session?.sid) return null;
  const state = await resolveSession(session.sid);
  return 'user' in state ? state.user : null;
});
