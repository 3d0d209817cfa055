import { withScopedClient } from '@/lib/access/with-scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { deleteRelinking } from '@/lib/imports/link-clients';
import { deleteUploadFile } from '@/lib/uploads/file-store';
import { hasCurrentAgreement } from '@/lib/uploads/has-current-agreement';
import { signedStatement } from './deletion-statement';

// The end of a verwerkersovereenkomst (docs/privacy.md): from the agreement's deletionDueOn the
// nightly job deletes everything the TTP holds of that provider on client level: its trajectories
// (relinking other providers' trajectories of the same clients), its uploads with their reports and
// stored files, its requests concerning clients and the notifications about its uploads. One
// transaction: all of it goes, or nothing does. The stored files (encrypted, named by upload id) are
// removed right after the commit; a failed removal is logged for the admin.

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Runs every deletion that is due. Returns the number of providers whose data was deleted. */
export async function deleteEndedProviderData(today = new Date()): Promise<number> {
  const due = await db().processingAgreement.findMany({
    where: { endChoice: { not: null }, dataDeletedAt: null, deletionDueOn: { lte: today } },
    include: { aanbieder: { select: { name: true, agbCode: true } } },
    orderBy: { deletionDueOn: 'asc' },
  });
  let done = 0;
  for (const agreement of due) {
    // Signed again in the meantime: the data is held under the new agreement, and nothing is deleted.
    if (await hasCurrentAgreement(agreement.aanbiederId, today)) continue;
    const now = new Date();
    const files = await withScopedClient('system', async (client) => {
      const id = agreement.aanbiederId;
      const trajectrecords = await deleteRelinking(client, 't.aanbieder_id = $1::uuid', [id]);
      const uploads = await client.query<{ id: string; storage_path: string | null }>(
        'DELETE FROM upload WHERE aanbieder_id = $1::uuid RETURNING id, storage_path',
        [id],
      );
      const requests = await client.query('DELETE FROM subject_request WHERE aanbieder_id = $1::uuid', [id]);
      const notes = await client.query(
        `DELETE FROM notification WHERE organisation_id = $1::uuid AND link LIKE '/aanbieder/uploads/%'`,
        [id],
      );
      const stored = uploads.rows.filter((u) => u.storage_path).map((u) => u.storage_path!);
      const statement = signedStatement({
        versie: 1,
        aanbieder: { naam: agreement.aanbieder.name, agbCode: agreement.aanbieder.agbCode ?? '' },
        overeenkomst: { id: agreement.id, versie: agreement.version, beeindigdOp: iso(agreement.endedAt) },
        keuze: agreement.endChoice!,
        teruggegevenOp: agreement.returnedAt?.toISOString() ?? null,
        verwijderdOp: now.toISOString(),
        aantallen: {
          trajectrecords,
          aanleveringen: uploads.rowCount ?? 0,
          opgeslagenBestanden: stored.length,
          clientverzoeken: requests.rowCount ?? 0,
          meldingen: notes.rowCount ?? 0,
        },
      });
      await client.query(
        `UPDATE processing_agreement SET data_deleted_at = $2, deletion_statement = $3::jsonb WHERE id = $1::uuid`,
        [agreement.id, now, JSON.stringify(statement)],
      );
      await client.query(
        `INSERT INTO notification (id, organisation_id, text, link) VALUES (gen_random_uuid(), $1::uuid, $2, $3)`,
        [
          id,
          `De TTP heeft uw gegevens verwijderd (${trajectrecords} trajectrecords, ${uploads.rowCount ?? 0} aanleveringen). De ondertekende verklaring staat klaar.`,
          '/aanbieder/gegevens',
        ],
      );
      return { stored, counts: statement.aantallen };
    });
    for (const file of files.stored) await deleteUploadFile(file).catch((err) => console.error(`[privacy] ${err}`));
    await writeAudit({
      event: 'aanbiedergegevens.verwijderd',
      object: `overeenkomst ${agreement.id} (${agreement.aanbieder.name}): ${JSON.stringify(files.counts)}`,
    });
    done += 1;
  }
  return done;
}
