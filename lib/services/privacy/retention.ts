import { withScopedClient } from '@/lib/access/with-scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { deleteRelinking } from '@/lib/imports/link-clients';

// Retention of trajectories (docs/privacy.md): a trajectory is kept TRAJECTORY_RETENTION_YEARS full
// calendar years after the year of its einddatum, and deleted on the first nightly run after that. A
// running trajectory (no einddatum) is kept while it runs.

/** The first day still kept: trajectories that ended before it are past their term. */
export const retentionCutoff = (today = new Date()) =>
  new Date(Date.UTC(today.getUTCFullYear() - env().TRAJECTORY_RETENTION_YEARS, 0, 1));

/** What a dashboard says about the oldest figures it can show. */
export const retentionNote = (today = new Date()) =>
  `Cijfers bestaan vanaf ${retentionCutoff(today).getUTCFullYear()}: trajecten worden ${env().TRAJECTORY_RETENTION_YEARS} volle jaren na hun einddatum bewaard en daarna verwijderd.`;

/**
 * Deletes the trajectories past their term, per provider (its (aanbieder_id, einddatum) index) in
 * batches of `batch` rows, each batch its own transaction so no run holds many locks for long.
 * Audited with the counts, never with row values. Returns the number deleted.
 */
export async function enforceRetention(today = new Date(), batch = 10_000): Promise<number> {
  const cutoff = retentionCutoff(today);
  const aanbieders = await db().organisation.findMany({ where: { kind: 'AANBIEDER' }, select: { id: true } });
  let total = 0;
  let touched = 0;
  for (const { id } of aanbieders) {
    let deleted = 0;
    for (;;) {
      const n = await withScopedClient('system', (client) =>
        deleteRelinking(
          client,
          `t.id IN (SELECT id FROM trajectory WHERE aanbieder_id = $1::uuid AND einddatum < $2::date LIMIT $3)`,
          [id, cutoff, batch],
        ),
      );
      deleted += n;
      if (n < batch) break;
    }
    total += deleted;
    if (deleted > 0) touched += 1;
  }
  await writeAudit({
    event: 'bewaartermijn.toegepast',
    object: JSON.stringify({ einddatumVoor: cutoff.toISOString().slice(0, 10), trajecten: total, aanbieders: touched }),
  });
  return total;
}
