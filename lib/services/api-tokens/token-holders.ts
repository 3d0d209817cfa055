import type { OrganisationKind } from '@/lib/generated/prisma/enums';

/**
 * Who holds tokens, and what for: a municipality or region reads its residents' protected figures
 * (the indicator API); a provider delivers files from its own systems (the delivery API). A token
 * opens only its own kind's endpoints.
 */
export const API_TOKEN_KINDS = ['GEMEENTE', 'REGIO', 'AANBIEDER'] as const satisfies readonly OrganisationKind[];

export const mayHoldToken = (kind: OrganisationKind): kind is (typeof API_TOKEN_KINDS)[number] =>
  (API_TOKEN_KINDS as readonly OrganisationKind[]).includes(kind);
