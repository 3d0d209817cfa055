import { AppError } from '@/lib/errors';
import { can, type Permission } from './permissions';
import type { Scope } from './scope';

/**
 * A service that changes or reveals data checks its caller itself, so a page, action or route that
 * forgets its permission cannot open a hole: the role must hold the permission and, where the
 * service works for one kind of scope, the scope must be of that kind.
 */
export function checkCaller<K extends Scope['kind'] = Scope['kind']>(
  scope: Scope,
  permission: Permission,
  kind?: K,
): Extract<Scope, { kind: K }> {
  if ((kind && scope.kind !== kind) || !can(scope.user.role, permission))
    throw new AppError('Geen toegang.', 403, 'GEEN_TOEGANG');
  return scope as Extract<Scope, { kind: K }>;
}
