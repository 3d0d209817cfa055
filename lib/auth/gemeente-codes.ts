import type { OrganisationKind } from '@/lib/generated/prisma/enums';

/** What a scope is made of, read with the session or the API token in the same statement. */
export type OrganisationScopeRow = {
  org_id: string;
  org_name: string;
  org_kind: OrganisationKind;
  org_active: boolean;
  cbs_code: string | null;
  agb_code: string | null;
  member_codes: (string | null)[];
};

/** The columns of OrganisationScopeRow, for a statement that joins `organisation o`. */
export const ORGANISATION_SCOPE_COLUMNS = `o.id AS org_id, o.name AS org_name, o.kind AS org_kind, o.active AS org_active,
  o.cbs_code, o.agb_code, ARRAY(SELECT g.cbs_code FROM regio_member m JOIN organisation g ON g.id = m.gemeente_id WHERE m.regio_id = o.id) AS member_codes`;

/** The municipalities whose residents an organisation sees: its own code, or its region's members'. */
export function gemeenteCodesOf(org: Pick<OrganisationScopeRow, 'org_kind' | 'cbs_code' | 'member_codes'>): string[] {
  const codes =
    org.org_kind === 'GEMEENTE' && org.cbs_code
      ? [org.cbs_code]
      : org.org_kind === 'REGIO'
        ? org.member_codes.filter((c): c is string => c !== null)
        : [];
  return codes.sort();
}
