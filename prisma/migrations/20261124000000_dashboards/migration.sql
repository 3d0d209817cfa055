-- Dashboards (issue 4): the cross-provider link for "na beëindiging geen nieuwe start", and API tokens.

-- First start of any other trajectory of the same client on or after this one's end, across all
-- providers and municipalities. Kept by the import (system scope); municipal scopes cannot compute
-- it themselves because row-level security hides other municipalities' rows.
ALTER TABLE "trajectory" ADD COLUMN "volgende_start" DATE;

UPDATE "trajectory" t SET "volgende_start" = (
  SELECT min(o."begindatum") FROM "trajectory" o
  WHERE o."client_pseudonym" = t."client_pseudonym" AND o."begindatum" >= t."einddatum"
    AND (o."aanbieder_id", o."traject_id") <> (t."aanbieder_id", t."traject_id"))
WHERE t."einddatum" IS NOT NULL;

CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");
CREATE INDEX "api_token_organisation_id_idx" ON "api_token"("organisation_id");
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Tokens are revoked, never deleted: the audit log refers to them.
GRANT SELECT, INSERT, UPDATE ON "api_token" TO gemeenteportaal_app;
