import type { OrganisationKind } from '@/lib/generated/prisma/enums';

/** Only municipalities and regions hold tokens: the API serves suppressed figures for their residents. */
export const API_TOKEN_KINDS = ['GEMEENTE', 'REGIO'] as const satisfies readonly OrganisationKind[];

export const mayHoldToken = (kind: OrganisationKind): kind is (typeof API_TOKEN_KINDS)[number] =>
  (API_TOKEN_KINDS as readonly OrganisationKind[]).includes(kind);
