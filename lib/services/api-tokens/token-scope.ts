import type { Scope } from '@/lib/access/scope';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Which tokens a scope may see and revoke: the TTP every token (it manages them, without ever holding
 * one), a municipality or region its own organisation's; nobody else any. Another organisation's
 * token is "not found".
 */
export function apiTokenWhere(scope: Scope): Prisma.ApiTokenWhereInput {
  switch (scope.kind) {
    case 'ttp':
      return {};
    case 'gemeente':
      return scope.user.userId ? { organisationId: scope.user.organisationId } : { id: { in: [] } };
    case 'aanbieder':
      return { id: { in: [] } };
  }
}
