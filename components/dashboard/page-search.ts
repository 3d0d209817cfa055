export type PageSearch = Promise<Record<string, string | string[] | undefined>>;

/** Next's searchParams as URLSearchParams, repeated keys kept (verwijzer=01&verwijzer=02). */
export async function searchOf(searchParams: PageSearch): Promise<URLSearchParams> {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const x of Array.isArray(v) ? v : v ? [v] : []) out.append(k, x);
  return out;
}
