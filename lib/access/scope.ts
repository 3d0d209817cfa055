import type { ScopeUser } from '@/lib/auth/session-user';
import { ROLES } from './roles';

/**
 * What a user may see. Every query takes a Scope as its first argument and turns it into a
 * where-clause (and the row-level-security settings of lib/access/with-scope.ts).
 */
export type Scope =
  | { kind: 'aanbieder'; user: ScopeUser; aanbiederId: string; agbCode: string }
  | { kind: 'gemeente'; user: ScopeUser; gemeenteCodes: string[] }
  | { kind: 'ttp'; user: ScopeUser };

/** The scope of a TTP admin: the only one that manages organisations, accounts and agreements. */
export type TtpScope = Extract<Scope, { kind: 'ttp' }>;

export function scopeFor(user: ScopeUser): Scope {
  switch (ROLES[user.role].scopeKind) {
    case 'aanbieder':
      if (!user.agbCode) throw new Error('Aanbieder-account zonder AGB-code');
      return { kind: 'aanbieder', user, aanbiederId: user.organisationId, agbCode: user.agbCode };
    case 'gemeente':
      return { kind: 'gemeente', user, gemeenteCodes: user.gemeenteCodes };
    case 'ttp':
      return { kind: 'ttp', user };
  }
}

/** The scope as it is written to the audit log. */
export function describeScope(scope: Scope) {
  switch (scope.kind) {
    case 'aanbieder':
      return { kind: scope.kind, agbCode: scope.agbCode };
    case 'gemeente':
      return { kind: scope.kind, gemeenten: scope.gemeenteCodes };
    case 'ttp':
      return { kind: scope.kind };
  }
}

/** Narrows a scope whose kind the permission already guarantees; a mismatch is a bug, not a user error. */
export function expectScope<K extends Scope['kind']>(scope: Scope, kind: K): Extract<Scope, { kind: K }> {
  if (scope.kind !== kind) throw new Error(`Scope ${scope.kind} waar ${kind} verwacht werd`);
  return scope as Extract<Scope, { kind: K }>;
}
