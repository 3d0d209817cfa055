import { forbidden } from 'next/navigation';
import { requestAddress } from '@/lib/audit/request-address';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireUser } from '@/lib/auth/current-user';
import { can, type Permission } from './permissions';
import { describeScope, type Scope, scopeFor } from './scope';

/**
 * The first call of every page, action and route handler: no session → login page; the role lacks
 * the permission → 403; otherwise the user's Scope. Both outcomes are written to the audit log.
 * `object` says what is being accessed (page, record, or the filters of an aggregate).
 */
export async function requireScope(permission: Permission, object?: string): Promise<Scope> {
  const user = await requireUser();
  const address = await requestAddress();
  if (!can(user.role, permission)) {
    await writeAudit({ event: permission, actor: user, object, address, outcome: 'geweigerd' });
    forbidden();
  }
  const scope = scopeFor(user);
  await writeAudit({ event: permission, actor: user, object, scope: describeScope(scope), address });
  return scope;
}
