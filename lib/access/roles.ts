import type { OrganisationKind, Role } from '@/lib/generated/prisma/enums';

type RoleInfo = {
  label: string;
  /** The organisation kind an account with this role must belong to. */
  organisationKind: OrganisationKind;
  /** What the role sees: own provider, residents of municipalities, or organisations only (lib/access/scope.ts). */
  scopeKind: 'aanbieder' | 'gemeente' | 'ttp';
  startPage: string;
};

/** How an organisation's kind reads in admin lists. */
export const ORGANISATION_KIND_LABEL = {
  TTP: 'TTP',
  AANBIEDER: 'aanbieder',
  GEMEENTE: 'gemeente',
  REGIO: 'regio',
} as const satisfies Record<OrganisationKind, string>;

// Everything that depends on a role, in one table. Permissions live in permissions.ts.
export const ROLES = {
  TTP_BEHEER: { label: 'Beheerder TTP', organisationKind: 'TTP', scopeKind: 'ttp', startPage: '/beheer' },
  AANBIEDER_UPLOAD: {
    label: 'Aanbieder (aanleveren)',
    organisationKind: 'AANBIEDER',
    scopeKind: 'aanbieder',
    startPage: '/aanbieder',
  },
  AANBIEDER_INZAGE: {
    label: 'Aanbieder (inzage)',
    organisationKind: 'AANBIEDER',
    scopeKind: 'aanbieder',
    startPage: '/aanbieder',
  },
  GEMEENTE: { label: 'Gemeente', organisationKind: 'GEMEENTE', scopeKind: 'gemeente', startPage: '/gemeente' },
  REGIO: { label: 'Regio', organisationKind: 'REGIO', scopeKind: 'gemeente', startPage: '/gemeente' },
} as const satisfies Record<Role, RoleInfo>;
