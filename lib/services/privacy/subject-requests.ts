import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { withScopedClient } from '@/lib/access/with-scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { FIELD_KEYS } from '@/lib/cbs/layout';
import { csvRow } from '@/lib/cbs/write-files';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { deleteRelinking } from '@/lib/imports/link-clients';
import { deliveryRecord, providerTrajectories } from './provider-records';

// Requests concerning one client (AVG art. 15 and 17, docs/privacy.md). The provider is the
// controller and knows its client; the TTP knows only pseudonyms. So the provider names the client's
// trajectories by its own trajectory ids, and the TTP answers for exactly those, within the provider's
// own data: another provider's ids simply find nothing.

export const MAX_TRAJECT_IDS = 100;

export const ZSubjectRequest = z.object({
  soort: z.enum(['INZAGE', 'VERWIJDERING'], 'Kies inzage of verwijdering.'),
  trajectnummers: z
    .string()
    .transform((v) => [...new Set(v.split(/[\s,;]+/).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(20, 'Een trajectnummer heeft hoogstens 20 tekens.'))
        .min(1, 'Geef minstens één trajectnummer.')
        .max(MAX_TRAJECT_IDS, `Geef hoogstens ${MAX_TRAJECT_IDS} trajectnummers per verzoek.`),
    ),
});

export type SubjectRequestInput = z.infer<typeof ZSubjectRequest>;

/** Handles a request at once and returns its receipt. Verwijdering also relinks other providers' trajectories of the client. */
export async function submitSubjectRequest(scope: Scope, input: SubjectRequestInput, address: string | null) {
  const s = checkCaller(scope, 'privacy:request', 'aanbieder');
  const ids = input.trajectnummers;
  const receipt = await withScopedClient('system', async (client) => {
    const found = await client.query<{ n: number }>(
      'SELECT count(DISTINCT traject_id)::int AS n FROM trajectory WHERE aanbieder_id = $1::uuid AND traject_id = ANY($2)',
      [s.aanbiederId, ids],
    );
    const deleted =
      input.soort === 'VERWIJDERING'
        ? await deleteRelinking(client, 't.aanbieder_id = $1::uuid AND t.traject_id = ANY($2)', [s.aanbiederId, ids])
        : 0;
    const { rows } = await client.query<{ id: string; number: number; requested_at: Date }>(
      `INSERT INTO subject_request (aanbieder_id, kind, traject_ids, requested_by_id, found_count, deleted_count)
       VALUES ($1::uuid, $2, $3, $4::uuid, $5, $6) RETURNING id, number, requested_at`,
      [s.aanbiederId, input.soort, ids, s.user.userId, found.rows[0].n, deleted],
    );
    return { ...rows[0], kind: input.soort, asked: ids.length, found: found.rows[0].n, deleted };
  });
  // Counts only: the trajectory ids themselves stay out of the audit log.
  await writeAudit({
    event: input.soort === 'INZAGE' ? 'clientverzoek.inzage' : 'clientverzoek.verwijdering',
    actor: s.user,
    object: `verzoek ${receipt.number}: ${receipt.asked} trajectnummers, ${receipt.found} gevonden, ${receipt.deleted} records verwijderd`,
    address,
  });
  return receipt;
}

export async function listSubjectRequests(scope: Scope) {
  const s = checkCaller(scope, 'privacy:view', 'aanbieder');
  return db().subjectRequest.findMany({
    where: { aanbiederId: s.aanbiederId },
    orderBy: { requestedAt: 'desc' },
    take: 50,
    select: {
      id: true,
      number: true,
      kind: true,
      requestedAt: true,
      trajectIds: true,
      foundCount: true,
      deletedCount: true,
      requestedBy: { select: { name: true } },
    },
  });
}

/** Extra columns of an inzage answer beyond the delivery format: what the TTP added itself. */
const INZAGE_EXTRA = ['ttp_pseudoniem', 'nieuwe_start_na_einde', 'ontvangen_op'];

/**
 * The answer to an inzage request: the stored records of those trajectories as a delivery CSV plus
 * what the TTP derived. Whether a new start followed is given, not its date: that date comes from
 * another provider's delivery (docs/privacy.md). The record keys of the disclosure control are
 * secrets of the method, not data about the client, and stay out.
 */
export async function inzageAnswer(scope: Scope, requestId: string, address: string | null) {
  const s = checkCaller(scope, 'privacy:request', 'aanbieder');
  const request = await db().subjectRequest.findFirst({
    where: { id: requestId, aanbiederId: s.aanbiederId, kind: 'INZAGE' },
  });
  if (!request) throw new AppError('Dit verzoek bestaat niet.', 404);
  await writeAudit({
    event: 'clientverzoek.inzage-download',
    actor: s.user,
    object: `verzoek ${request.number}`,
    address,
  });
  const header = `${[...FIELD_KEYS, ...INZAGE_EXTRA].join(';')}\r\n`;
  const rows: string[] = [header];
  for await (const t of providerTrajectories(s, request.trajectIds)) {
    const extra = [
      t.clientPseudonym,
      t.einddatum === null ? '' : t.volgendeStart ? 'ja' : 'nee',
      t.importedAt.toISOString(),
    ];
    rows.push(`${csvRow(deliveryRecord(t, s.agbCode)).slice(0, -2)};${extra.join(';')}\r\n`);
  }
  return { fileName: `inzage-verzoek-${request.number}.csv`, csv: rows.join('') };
}
