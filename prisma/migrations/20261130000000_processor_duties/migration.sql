-- The TTP's duties as a processor (issue 18, docs/privacy.md): what happens to a provider's data at
-- the end of its verwerkersovereenkomst, and requests concerning one client.

-- 1. The end of an agreement: the provider's choice, when its data goes, and the proof that it went.
CREATE TYPE "EndChoice" AS ENUM ('VERWIJDEREN', 'TERUGGEVEN');
ALTER TABLE "processing_agreement"
  ADD COLUMN "end_choice" "EndChoice",
  -- The day from which the nightly job deletes (end + AGREEMENT_DELETION_NOTICE_DAYS), fixed when the
  -- agreement ends: the provider is told this date, so a later change of the setting does not move it.
  ADD COLUMN "deletion_due_on" DATE,
  -- Teruggeven: when the provider (last) downloaded the return file.
  ADD COLUMN "returned_at" TIMESTAMPTZ(3),
  ADD COLUMN "data_deleted_at" TIMESTAMPTZ(3),
  -- The signed deletion statement (counts and dates, no row values) from which its PDF is rendered.
  ADD COLUMN "deletion_statement" JSONB;

-- 2. A provider's request concerning one client (inzage or verwijdering), by its own trajectory ids.
CREATE TYPE "SubjectRequestKind" AS ENUM ('INZAGE', 'VERWIJDERING');
CREATE TABLE "subject_request" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "number" SERIAL NOT NULL,
  "aanbieder_id" UUID NOT NULL REFERENCES "organisation"("id"),
  "kind" "SubjectRequestKind" NOT NULL,
  -- The provider's own trajectory ids as it gave them: no client data beyond what it already holds.
  "traject_ids" VARCHAR(20)[] NOT NULL,
  "requested_by_id" UUID REFERENCES "app_user"("id"),
  "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "found_count" INTEGER NOT NULL,
  "deleted_count" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "subject_request_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "subject_request_number_key" ON "subject_request"("number");
CREATE INDEX "subject_request_aanbieder_id_requested_at_idx" ON "subject_request"("aanbieder_id", "requested_at");
GRANT SELECT, INSERT, DELETE ON "subject_request" TO gemeenteportaal_app;
GRANT USAGE, SELECT ON SEQUENCE "subject_request_number_seq" TO gemeenteportaal_app;
