import type { Scope } from '@/lib/access/scope';
import type { Prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * Which conversations a scope sees: the one rule. The municipality or region that prepared it, and
 * the provider it is with; no other municipality, region (not even one the municipality belongs
 * to), provider or TTP admin.
 */
export function conversationWhere(scope: Scope): Prisma.ConversationWhereInput {
  switch (scope.kind) {
    case 'gemeente':
      return { organisationId: scope.user.organisationId };
    case 'aanbieder':
      return { aanbiederId: scope.aanbiederId };
    case 'ttp':
      return { id: { in: [] } };
  }
}

/** Which side of the table a scope speaks for. */
export const sideOf = (scope: Scope) => {
  if (scope.kind === 'ttp') throw new AppError('Beheerders van de TTP nemen niet deel aan kwaliteitsgesprekken.', 403);
  return scope.kind === 'gemeente' ? ('GEMEENTE' as const) : ('AANBIEDER' as const);
};

export const conversationNotFound = () => new AppError('Dit gesprek bestaat niet.', 404);
