/** The municipalities whose residents an organisation sees: its own code, or its region's members'. */
export function gemeenteCodesOf(org: {
  kind: string;
  cbsCode: string | null;
  regioMembers: { gemeente: { cbsCode: string | null } }[];
}): string[] {
  const codes =
    org.kind === 'GEMEENTE' && org.cbsCode
      ? [org.cbsCode]
      : org.kind === 'REGIO'
        ? org.regioMembers.flatMap((m) => (m.gemeente.cbsCode ? [m.gemeente.cbsCode] : []))
        : [];
  return codes.sort();
}
