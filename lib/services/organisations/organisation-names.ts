import { pgPool } from '@/lib/db';

// The names of the organisations in a dashboard's rows and filters: hundreds per page for a region
// (one per provider). One plain statement with an array parameter over the pg pool: Prisma's
// `findMany({ where: { id: { in } } })` with ~480 ids cost ~20 ms of the portal's CPU per call, this
// ~2 ms (npm run bench:dashboard, pages and load). Read fresh on every call: a new or renamed
// organisation shows at once. Organisation names are not client data (no row-level security).

/** Provider id → name and AGB code. */
export async function providerNames(ids: readonly string[]): Promise<Map<string, { name: string; agbCode: string }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pgPool().query<{ id: string; name: string; agb_code: string }>({
    name: 'provider-names',
    text: `SELECT id, name, agb_code FROM organisation WHERE id = ANY($1::uuid[]) AND agb_code IS NOT NULL`,
    values: [ids],
  });
  return new Map(rows.map((r) => [r.id, { name: r.name, agbCode: r.agb_code }]));
}

/** CBS code → municipality name. */
export async function gemeenteNames(codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const { rows } = await pgPool().query<{ cbs_code: string; name: string }>({
    name: 'gemeente-names',
    text: `SELECT cbs_code, name FROM organisation WHERE cbs_code = ANY($1::bpchar[])`,
    values: [codes],
  });
  return new Map(rows.map((r) => [r.cbs_code, r.name]));
}
