-- Which providers have trajectories of which municipality's residents (issue 12). A municipality's
-- or region's filter "aanbieder" lists them. Counted from trajectory, that read every trajectory of
-- the scope over all years (a region of ten at 5 million trajectories: ~0.5-0.8 s on the first page
-- of each scope after an import). Kept here, by statement triggers on trajectory in the transaction
-- that writes it, it is one index range per municipality. Exact: a pair exists exactly as long as at
-- least one trajectory has it.
CREATE TABLE "aanbieder_gemeente" (
  "gemeentecode" CHAR(4) NOT NULL,
  "aanbieder_id" UUID NOT NULL,
  PRIMARY KEY ("gemeentecode", "aanbieder_id")
);

-- A pair tells that a provider has a client living in a municipality: client-derived, so scoped by
-- row-level security exactly as trajectory is (20261129010000_scope_policy_once), and written only in
-- the system scope (the import, retention and the other processor duties, through the triggers).
ALTER TABLE "aanbieder_gemeente" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "aanbieder_gemeente" FORCE ROW LEVEL SECURITY;
CREATE POLICY aanbieder_gemeente_scope ON "aanbieder_gemeente" USING (
  CASE (SELECT current_setting('app.scope_kind', true))
    WHEN 'system' THEN true
    WHEN 'aanbieder' THEN "aanbieder_id" = (SELECT NULLIF(current_setting('app.scope_aanbieder', true), '')::uuid)
    WHEN 'gemeente' THEN "gemeentecode" = ANY (COALESCE((SELECT string_to_array(current_setting('app.scope_gemeenten', true), ',')::bpchar[]), '{}'))
    ELSE false
  END
) WITH CHECK (current_setting('app.scope_kind', true) = 'system');
-- A policy's USING also admits DELETE: only the system scope may delete (20261202010000 does the same
-- for trajectory).
CREATE POLICY aanbieder_gemeente_delete_system ON "aanbieder_gemeente" AS RESTRICTIVE FOR DELETE
  USING (current_setting('app.scope_kind', true) = 'system');
GRANT SELECT, INSERT, DELETE ON "aanbieder_gemeente" TO gemeenteportaal_app;

-- New pairs from the rows a statement wrote; pairs of the rows it removed or changed that no
-- trajectory has any more (an index probe per distinct pair, on the provider's index).
CREATE FUNCTION "keep_aanbieder_gemeente"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "aanbieder_gemeente" ("gemeentecode", "aanbieder_id")
      SELECT DISTINCT "gemeentecode", "aanbieder_id" FROM new_rows
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "aanbieder_gemeente" p
      USING (SELECT DISTINCT "gemeentecode", "aanbieder_id" FROM old_rows) o
      WHERE p."gemeentecode" = o."gemeentecode" AND p."aanbieder_id" = o."aanbieder_id"
        AND NOT EXISTS (SELECT 1 FROM "trajectory" t
                        WHERE t."aanbieder_id" = o."aanbieder_id" AND t."gemeentecode" = o."gemeentecode");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "trajectory_keeps_pairs_insert" AFTER INSERT ON "trajectory"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "keep_aanbieder_gemeente"();
CREATE TRIGGER "trajectory_keeps_pairs_update" AFTER UPDATE ON "trajectory"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "keep_aanbieder_gemeente"();
CREATE TRIGGER "trajectory_keeps_pairs_delete" AFTER DELETE ON "trajectory"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "keep_aanbieder_gemeente"();

CREATE FUNCTION "clear_aanbieder_gemeente"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "aanbieder_gemeente";
  RETURN NULL;
END $$;
CREATE TRIGGER "trajectory_keeps_pairs_truncate" AFTER TRUNCATE ON "trajectory"
  FOR EACH STATEMENT EXECUTE FUNCTION "clear_aanbieder_gemeente"();

-- The pairs of the trajectories already there (in the system scope: row-level security is forced,
-- also for the owner that migrates).
SELECT set_config('app.scope_kind', 'system', true);
INSERT INTO "aanbieder_gemeente" ("gemeentecode", "aanbieder_id")
  SELECT DISTINCT "gemeentecode", "aanbieder_id" FROM "trajectory";
