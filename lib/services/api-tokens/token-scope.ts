import { can } from '@/lib/access/permissions';
import type { Scope } from '@/lib/access/scope';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Which tokens a scope may see and revoke: the TTP every token (it manages them, without ever holding
 * one), a municipality, region or provider user with the permission its own organisation's; nobody
 * else any (a token itself none). Another organisation's token is "not found".
 */
export function apiTokenWhere(scope: Scope): Prisma.ApiTokenWhereInput {
  if (scope.kind === 'ttp') return {};
  return scope.user.userId && can(scope.user.role, 'api-token:issue')
    ? { organisationId: scope.user.organisationId }
    : { id: { in: [] } };
}
