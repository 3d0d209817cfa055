import type { Tx } from '@/lib/access/with-scope';
import { pseudonymise } from '@/lib/pseudonym/pseudonymise';
import type { ValidRecord } from '@/lib/cbs/validate-record';

const CHUNK = 5_000;

/** Inserts or replaces one chunk; the key is (aanbieder, trajectnummer, respondent). */
async function upsertChunk(tx: Tx, aanbiederId: string, uploadId: string | null, records: ValidRecord[]) {
  const rows = records.map(({ pseudoId, agbCode: _agb, ...r }) => ({ ...r, clientPseudonym: pseudonymise(pseudoId) }));
  await tx.$executeRaw`
    INSERT INTO trajectory (aanbieder_id, upload_id, traject_id, respondent, client_pseudonym, geboortejaar, geslacht,
      gemeentecode, begindatum, einddatum, reden_einde, verwijzer, hulpvorm, productcategorie, profiel,
      zorgvraagzwaarte, complexiteit, perspectief, crisis, tevredenheid, zonder_hulp_verder,
      afname_problematiek, doelrealisatie, meetdatum, imported_at)
    SELECT ${aanbiederId}::uuid, ${uploadId}::uuid, "trajectId", respondent, "clientPseudonym", geboortejaar, geslacht,
      gemeentecode, begindatum, einddatum, "redenEinde", verwijzer, hulpvorm, productcategorie, profiel,
      zorgvraagzwaarte, complexiteit, perspectief, crisis, tevredenheid, "zonderHulpVerder",
      "afnameProblematiek", doelrealisatie, meetdatum, now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("trajectId" text, respondent text,
      "clientPseudonym" text, geboortejaar int, geslacht text, gemeentecode text, begindatum date, einddatum date,
      "redenEinde" text, verwijzer text, hulpvorm text, productcategorie text, profiel int, zorgvraagzwaarte int,
      complexiteit int, perspectief text, crisis boolean, tevredenheid int, "zonderHulpVerder" int,
      "afnameProblematiek" int, doelrealisatie int, meetdatum date)
    ON CONFLICT (aanbieder_id, traject_id, respondent) DO UPDATE SET
      upload_id = EXCLUDED.upload_id, client_pseudonym = EXCLUDED.client_pseudonym, geboortejaar = EXCLUDED.geboortejaar,
      geslacht = EXCLUDED.geslacht, gemeentecode = EXCLUDED.gemeentecode, begindatum = EXCLUDED.begindatum,
      einddatum = EXCLUDED.einddatum, reden_einde = EXCLUDED.reden_einde, verwijzer = EXCLUDED.verwijzer,
      hulpvorm = EXCLUDED.hulpvorm, productcategorie = EXCLUDED.productcategorie, profiel = EXCLUDED.profiel,
      zorgvraagzwaarte = EXCLUDED.zorgvraagzwaarte, complexiteit = EXCLUDED.complexiteit,
      perspectief = EXCLUDED.perspectief, crisis = EXCLUDED.crisis, tevredenheid = EXCLUDED.tevredenheid,
      zonder_hulp_verder = EXCLUDED.zonder_hulp_verder, afname_problematiek = EXCLUDED.afname_problematiek,
      doelrealisatie = EXCLUDED.doelrealisatie, meetdatum = EXCLUDED.meetdatum, imported_at = EXCLUDED.imported_at`;
}

/**
 * Inserts or replaces the records of one file inside the caller's transaction, which must be in
 * 'system' scope (only the import writes client data). Only the stage-2 pseudonym is stored;
 * the provider's client number never reaches the database.
 */
export async function upsertRecords(tx: Tx, aanbiederId: string, uploadId: string | null, records: ValidRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += CHUNK) await upsertChunk(tx, aanbiederId, uploadId, records.slice(i, i + CHUNK));
}
