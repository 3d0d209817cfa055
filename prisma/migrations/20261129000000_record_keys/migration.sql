-- Disclosure control by cell keys (issue 11, docs/disclosure-control.md): every trajectory record
-- carries the secret record keys of its client, its trajectory and itself (63-bit, derived by HMAC
-- under CELL_KEY_SECRET, which never enters the database) and the key version they were made with.
-- The keys also serve the distinct counts, so no query hashes text any more.
ALTER TABLE "trajectory"
  ADD COLUMN "client_key" BIGINT,
  ADD COLUMN "traject_key" BIGINT,
  ADD COLUMN "row_key" BIGINT,
  ADD COLUMN "record_key_version" SMALLINT;

-- Rows from before this migration get placeholder keys of version 0: unkeyed hashes that count
-- correctly but are not secret. refreshRecordKeys (lib/imports/refresh-record-keys.ts) replaces
-- them with keyed ones before the portal serves (npm start) and at every import run.
UPDATE "trajectory" SET
  "client_key" = hashtextextended("client_pseudonym", 0) & 9223372036854775807,
  "traject_key" = hashtextextended("aanbieder_id"::text || '|' || "traject_id", 0) & 9223372036854775807,
  "row_key" = hashtextextended("aanbieder_id"::text || '|' || "traject_id" || '|' || coalesce("respondent", ''), 0) & 9223372036854775807,
  "record_key_version" = 0;

ALTER TABLE "trajectory"
  ALTER COLUMN "client_key" SET NOT NULL,
  ALTER COLUMN "traject_key" SET NOT NULL,
  ALTER COLUMN "row_key" SET NOT NULL,
  ALTER COLUMN "record_key_version" SET NOT NULL;

CREATE INDEX "trajectory_record_key_version_idx" ON "trajectory"("record_key_version");
