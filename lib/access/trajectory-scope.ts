import { Prisma } from '@/lib/db';
import type { Scope } from './scope';

/**
 * The scope as a where-clause on trajectory `t`: the one place where "who sees which client rows" is
 * turned into SQL. Row-level security (lib/access/with-scope.ts) enforces the same a second time.
 * It also scopes aanbieder_gemeente (aliased `t`), which has the same two columns.
 */
export function trajectoryScopeSql(scope: Scope): Prisma.Sql {
  switch (scope.kind) {
    case 'aanbieder':
      return Prisma.sql`t.aanbieder_id = ${scope.aanbiederId}::uuid`;
    case 'gemeente':
      return Prisma.sql`t.gemeentecode = ANY(${scope.gemeenteCodes}::bpchar[])`;
    case 'ttp':
      return Prisma.sql`FALSE`;
  }
}
