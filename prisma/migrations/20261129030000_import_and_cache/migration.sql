-- National scale (issue 12).
--
-- 1. The record-key version is the same in nearly every row; a B-tree over it cost the import a
--    write into a third index per record. A BRIN index is a few pages, costs the import nearly
--    nothing, and still lets refreshRecordKeys skip every block range whose rows are all current.
DROP INDEX "trajectory_record_key_version_idx";
CREATE INDEX "trajectory_record_key_version_idx" ON "trajectory" USING brin ("record_key_version");

-- 2. The dashboards read a scope (municipalities) and a period (einddatum) and count a few columns
--    of every trajectory in it. Those rows lie scattered over the heap (they arrive per provider),
--    so a region's year read ~27,000 heap pages for ~29,000 trajectories. The same index, covering
--    every column an indicator, a filter or the row-level security reads, answers the whole query
--    from the index in key order: a region's uitval went from ~300 ms to ~120 ms at 5 million
--    trajectories (npm run bench:dashboard). The import pays a wider entry in an index it already kept.
DROP INDEX "trajectory_gemeentecode_einddatum_idx";
CREATE INDEX "trajectory_gemeentecode_einddatum_idx" ON "trajectory" ("gemeentecode", "einddatum")
  INCLUDE ("domein", "aanbieder_id", "begindatum", "reden_einde", "verwijzer", "hulpvorm", "productcategorie",
           "profiel", "zorgvraagzwaarte", "complexiteit", "perspectief", "respondent", "tevredenheid",
           "zonder_hulp_verder", "afname_problematiek", "doelrealisatie", "meetdatum", "volgende_start",
           "client_key", "traject_key", "row_key");
-- An index-only scan skips the heap only on pages the visibility map marks all-visible, which VACUUM
-- does. By default autovacuum waits for 20 % of the table to be new or changed; after a monthly
-- import that would leave the newest (most asked for) months on the slow path for weeks.
ALTER TABLE "trajectory" SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.02);

-- 3. The generation of the trajectory data: raised by every statement that writes trajectory, in
--    the writing transaction, so a reader sees the new number exactly when it sees the new rows.
--    Cached figures (lib/indicators/figure-cache.ts) are keyed by it: no cached figure outlives
--    the data it was computed from, whichever process or job wrote the data.
CREATE TABLE "data_generation" (
  "only" BOOLEAN PRIMARY KEY DEFAULT true CHECK ("only"),
  "generation" BIGINT NOT NULL
);
INSERT INTO "data_generation" ("generation") VALUES (1);
-- UPDATE lets the import take the row's lock first (lib/imports/link-clients.ts): two imports then
-- queue at the start of their merge instead of deadlocking at its end.
GRANT SELECT, UPDATE ON "data_generation" TO gemeenteportaal_app;

CREATE FUNCTION "raise_data_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_generation" SET "generation" = "generation" + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "trajectory_raises_generation"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "trajectory"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_data_generation"();
