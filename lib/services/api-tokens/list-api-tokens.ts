import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { apiTokenWhere } from './token-scope';

/** The tokens the scope may see (never the token or its hash), newest first. */
export function listApiTokens(scope: Scope) {
  return db().apiToken.findMany({
    where: apiTokenWhere(scope),
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
  });
}
