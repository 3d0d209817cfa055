import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withScope, withScopedClient } from '@/lib/access/with-scope';
import type { ImportSteps } from '@/lib/imports/import-steps';
import { openRecordSink } from '@/lib/imports/load-records';
import { loadRecords, makeAanbieder, type RecordInput, validRecord } from './helpers/fixtures';

// A large file is merged in parts while it is read (lib/imports/load-records.ts). With parts of 4 KB
// (~12 records) these 150 records make a dozen parts; the result must be that of one merge.

const PART = 4096;
const CLIENTS = 50;

/**
 * Three trajectories per client, 50 records apart (so in different parts): one ended in January, one
 * from March to May, one from July, still running. For every other client the file lists them in the
 * opposite order, so a link sometimes points to a part before, sometimes to one after.
 */
function threePerClient(run: string): RecordInput[] {
  const spans = [
    { begindatum: '2025-01-01', einddatum: '2025-01-31' },
    { begindatum: '2025-03-01', einddatum: '2025-05-31' },
    { begindatum: '2025-07-01', einddatum: null },
  ];
  return [0, 1, 2].flatMap((k) =>
    Array.from({ length: CLIENTS }, (_, c) => {
      const span = c % 2 ? spans[2 - k] : spans[k];
      return { client: `${run}-c${c}`, trajectId: `${run}-${c}-${span.begindatum.slice(5, 7)}`, ...span };
    }),
  );
}

const linksOf = (aanbiederId: string) =>
  withScope('system', (tx) =>
    tx.trajectory.findMany({ where: { aanbiederId }, select: { begindatum: true, volgendeStart: true } }),
  );

describe('merging a file in parts', () => {
  it('links each client as one merge would, across parts in either order', async () => {
    const a = await makeAanbieder();
    const run = randomUUID().slice(0, 8);
    await loadRecords(a, threePerClient(run), PART);
    const rows = await linksOf(a.id);
    expect(rows).toHaveLength(3 * CLIENTS);
    const next: Record<string, string | null> = {
      '2025-01-01': '2025-03-01',
      '2025-03-01': '2025-07-01',
      '2025-07-01': null,
    };
    for (const r of rows)
      expect(r.volgendeStart?.toISOString().slice(0, 10) ?? null).toBe(next[r.begindatum.toISOString().slice(0, 10)]);
  });

  it('replaces a record of an earlier file in a later part, and relinks it', async () => {
    const a = await makeAanbieder();
    const run = randomUUID().slice(0, 8);
    const records = threePerClient(run);
    await loadRecords(a, records, PART);
    // The same file again, but every client's last trajectory now ended in August and followed by nothing.
    const again = records.map((r) => (r.begindatum === '2025-07-01' ? { ...r, einddatum: '2025-08-31' } : r));
    await loadRecords(a, again, PART);
    const rows = await withScope('system', (tx) =>
      tx.trajectory.findMany({ where: { aanbiederId: a.id, begindatum: new Date('2025-07-01') } }),
    );
    expect(rows).toHaveLength(CLIENTS);
    for (const r of rows) expect(r.einddatum?.toISOString().slice(0, 10)).toBe('2025-08-31');
    expect(await linksOf(a.id)).toHaveLength(3 * CLIENTS);
  });

  it('leaves nothing behind when a file is refused whole after parts were merged', async () => {
    const a = await makeAanbieder();
    const run = randomUUID().slice(0, 8);
    const records = threePerClient(run);
    const steps: ImportSteps = {};
    const inside = await withScopedClient('system', async (client) => {
      const sink = await openRecordSink(client, { aanbiederId: a.id, uploadId: null, partBytes: PART, steps });
      for (const r of records) await sink.write(validRecord(a, r));
      await sink.discard();
      return Number(
        (await client.query('SELECT count(*) AS n FROM trajectory WHERE aanbieder_id = $1', [a.id])).rows[0].n,
      );
    });
    // Parts were merged (the connection runs nothing else during the COPY, so the steps tell), and undone.
    expect(steps.samenvoegen).toBeDefined();
    expect(inside).toBe(0);
    expect(await linksOf(a.id)).toHaveLength(0);
  });
});
