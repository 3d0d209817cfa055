-- Wmo end to end (issue 17): a delivery says its domain; the agreement says which domains a provider
-- may deliver; a Wmo record has no CBS hulpvorm; a record's key includes its domain, so a Wmo file
-- never overwrites a Jeugd record with the same trajectnummer (and the reverse).

ALTER TABLE "upload" ADD COLUMN "domein" "Domein" NOT NULL DEFAULT 'JEUGD';
DROP INDEX "upload_aanbieder_id_kind_sha256_key";
CREATE UNIQUE INDEX "upload_aanbieder_id_kind_domein_sha256_key" ON "upload"("aanbieder_id", "kind", "domein", "sha256");

ALTER TABLE "processing_agreement" ADD COLUMN "domeinen" "Domein"[] NOT NULL DEFAULT ARRAY['JEUGD']::"Domein"[];

ALTER TABLE "trajectory" ALTER COLUMN "hulpvorm" DROP NOT NULL;
DROP INDEX "trajectory_aanbieder_id_traject_id_respondent_key";
CREATE UNIQUE INDEX "trajectory_aanbieder_id_domein_traject_id_respondent_key"
  ON "trajectory"("aanbieder_id", "domein", "traject_id", "respondent") NULLS NOT DISTINCT;
