import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { API_TOKEN_KINDS } from './token-holders';

/** Every token with its organisation (never the token or its hash), newest first; and who may get one. */
export async function listApiTokens(_scope: Extract<Scope, { kind: 'ttp' }>) {
  const [tokens, organisations] = await Promise.all([
    db().apiToken.findMany({
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        name: true,
        prefix: true,
        createdAt: true,
        lastUsedAt: true,
        revokedAt: true,
        organisation: { select: { name: true, kind: true } },
      },
    }),
    db().organisation.findMany({
      where: { active: true, kind: { in: [...API_TOKEN_KINDS] } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, kind: true },
    }),
  ]);
  return { tokens, organisations };
}
