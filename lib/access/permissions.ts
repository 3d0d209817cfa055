import type { Role } from '@/lib/generated/prisma/enums';

// Who may do what, by permission name. Pages and actions ask for a permission, never for a role.
export const PERMISSIONS = {
  'aanbieder:start': ['AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE'],
  'gemeente:start': ['GEMEENTE', 'REGIO'],
  'beheer:start': ['TTP_BEHEER'],
  'mail:outbox': ['TTP_BEHEER'],
  'organisatie:view': ['TTP_BEHEER', 'AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE', 'GEMEENTE', 'REGIO'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Each role's start page. */
export const START_PAGE = {
  TTP_BEHEER: '/beheer',
  AANBIEDER_UPLOAD: '/aanbieder',
  AANBIEDER_INZAGE: '/aanbieder',
  GEMEENTE: '/gemeente',
  REGIO: '/gemeente',
} as const satisfies Record<Role, string>;

/** Which organisation kind each role belongs to (an account's role must fit its organisation). */
export const ROLE_ORGANISATION_KIND = {
  TTP_BEHEER: 'TTP',
  AANBIEDER_UPLOAD: 'AANBIEDER',
  AANBIEDER_INZAGE: 'AANBIEDER',
  GEMEENTE: 'GEMEENTE',
  REGIO: 'REGIO',
} as const satisfies Record<Role, string>;

export const ROLE_LABEL = {
  TTP_BEHEER: 'Beheerder TTP',
  AANBIEDER_UPLOAD: 'Aanbieder (aanleveren)',
  AANBIEDER_INZAGE: 'Aanbieder (inzage)',
  GEMEENTE: 'Gemeente',
  REGIO: 'Regio',
} as const satisfies Record<Role, string>;
