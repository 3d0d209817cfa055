import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { forgedZipBomb } from '../fixtures/forged-zip-bomb';
import { loginDemo, sql } from './helpers/accounts';

// Issue 15: ten Excel zip bombs with forged sizes at once. The portal measures what each really
// unpacks to (lib/cbs/check-zip.ts), in the capped reader child (lib/imports/read-upload.ts), so the
// web server keeps answering and its memory stays where it was.

/** The resident memory (MB) of the web server under test: its process tree, the capped reader children left out. */
function serverMemoryMb(): number {
  const port = process.env.E2E_PORT ?? '3100';
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => {
      const [pid, ppid, rss, ...args] = l.trim().split(/\s+/);
      return { pid, ppid, rss: Number(rss), args: args.join(' ') };
    });
  const root = rows.find((r) => r.args.includes(`start -p ${port}`));
  if (!root) throw new Error(`geen webserver op poort ${port}`);
  const tree = new Set([root.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows)
      if (tree.has(r.ppid) && !tree.has(r.pid) && !r.args.includes('read-upload-child')) {
        tree.add(r.pid);
        grew = true;
      }
  }
  return rows.filter((r) => tree.has(r.pid)).reduce((s, r) => s + r.rss, 0) / 1024;
}

test('ten forged zip bombs at once: the server keeps answering, within its memory, and refuses each', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');
  // Ten different bombs (each a little larger, so none is a duplicate), made before the clock starts.
  const bombs = Array.from({ length: 10 }, (_, i) => forgedZipBomb(60 + i));
  const baseline = serverMemoryMb();
  const samples: { ms: number; status: number; mb: number }[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const t0 = Date.now();
      const res = await page.request.get('/api/health', { timeout: 5_000 }).catch(() => null);
      samples.push({ ms: Date.now() - t0, status: res?.status() ?? 0, mb: serverMemoryMb() });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();

  const answers = await Promise.all(
    bombs.map((data, i) =>
      page.request.post('/api/uploads', {
        headers: { 'x-soort': 'test', 'x-bestandsnaam': `bom-${i}.xlsx`, 'content-type': 'application/octet-stream' },
        data,
      }),
    ),
  );
  expect(answers.map((a) => a.status())).toEqual(Array(10).fill(201));
  const ids = await Promise.all(answers.map(async (a) => (await a.json()).id as string));
  await expect
    .poll(
      async () =>
        (
          await sql<{ status: string; error: string | null }>(
            `SELECT status::text, report->>'fileError' AS error FROM upload WHERE id = ANY($1::uuid[])`,
            [ids],
          )
        ).filter((r) => r.status === 'AFGEWEZEN' && r.error?.includes('zip-bom')).length,
      { timeout: 180_000, intervals: [1_000] },
    )
    .toBe(10);
  polling = false;
  await poller;

  expect(samples.length).toBeGreaterThan(5);
  expect(samples.filter((s) => s.status !== 200)).toEqual([]); // /api/health answered every time
  expect(Math.max(...samples.map((s) => s.ms))).toBeLessThan(2_000);
  // The bombs never reach the web server's heap: it grows by less than 150 MB (it grew by 550 MB for one bomb before).
  expect(Math.max(...samples.map((s) => s.mb)) - baseline).toBeLessThan(150);
});
