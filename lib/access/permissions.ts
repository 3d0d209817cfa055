import type { Role } from '@/lib/generated/prisma/enums';

// Who may do what, by permission name. Pages and actions ask for a permission, never for a role.
export const PERMISSIONS = {
  'aanbieder:start': ['AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE'],
  'upload:create': ['AANBIEDER_UPLOAD'],
  'upload:view': ['AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE'],
  'gemeente:start': ['GEMEENTE', 'REGIO'],
  'beheer:start': ['TTP_BEHEER'],
  'mail:outbox': ['TTP_BEHEER'],
  'audit:view': ['TTP_BEHEER'],
  'processing:monitor': ['TTP_BEHEER'],
  'dashboard:view': ['AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE', 'GEMEENTE', 'REGIO'],
  'dashboard:export': ['AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE', 'GEMEENTE', 'REGIO'],
  /**
   * The TTP lists and revokes tokens but never holds one; municipalities and regions issue their own
   * (to read their figures), providers theirs (to deliver files from their own systems).
   */
  'api-token:manage': ['TTP_BEHEER'],
  'api-token:issue': ['GEMEENTE', 'REGIO', 'AANBIEDER_UPLOAD'],
  'report:view': ['AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE', 'GEMEENTE', 'REGIO'],
  'conversation:view': ['AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE', 'GEMEENTE', 'REGIO'],
  'conversation:prepare': ['GEMEENTE', 'REGIO'],
  'conversation:contribute': ['AANBIEDER_UPLOAD', 'GEMEENTE', 'REGIO'],
  'accounts:manage': ['TTP_BEHEER'],
  'organisations:manage': ['TTP_BEHEER'],
  'agreements:manage': ['TTP_BEHEER'],
  /** The provider's page about its data at the TTP (retention, end of agreement, deletion statement). */
  'privacy:view': ['AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE'],
  /** Requests concerning one client and the return download: the controller's functional administrator. */
  'privacy:request': ['AANBIEDER_UPLOAD'],
  'deletion-statement:view': ['TTP_BEHEER', 'AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE'],
  /** The register of processing activities (AVG art. 30). */
  'register:view': ['TTP_BEHEER'],
  'organisatie:view': ['TTP_BEHEER', 'AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE', 'GEMEENTE', 'REGIO'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
