/**
 * The Dutch nouns of the groupings whose rows are organisations, one and many, for the sentences
 * around a table or a ranking. Apart from GROUP_BY (lib/indicators/group-by.ts) because that holds
 * SQL, which components do not import.
 */
export const GROUP_NOUNS = {
  aanbieder: { one: 'aanbieder', many: 'aanbieders' },
  gemeente: { one: 'gemeente', many: 'gemeenten' },
} as const;

export type OrganisationGroupBy = keyof typeof GROUP_NOUNS;

export const isOrganisationGroupBy = (groupBy: string): groupBy is OrganisationGroupBy => groupBy in GROUP_NOUNS;
