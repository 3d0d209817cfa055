-- Onboarding (issue 5): the public aanmelding queue, and attempts counted by rate limits.
-- CreateEnum
CREATE TYPE "AccessRequestStatus" AS ENUM ('NIEUW', 'GEACCEPTEERD', 'AFGEWEZEN');

-- CreateTable
CREATE TABLE "access_request" (
    "id" UUID NOT NULL,
    "organisation_name" TEXT NOT NULL,
    "agb_code" CHAR(8) NOT NULL,
    "contact_name" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "contact_phone" TEXT,
    "accounts" JSONB NOT NULL DEFAULT '[]',
    "note" TEXT,
    "status" "AccessRequestStatus" NOT NULL DEFAULT 'NIEUW',
    "organisation_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handled_at" TIMESTAMPTZ(3),
    "invited_at" TIMESTAMPTZ(3),

    CONSTRAINT "access_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_event" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TEXT NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_limit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "access_request_status_created_at_idx" ON "access_request"("status", "created_at");

-- CreateIndex
CREATE INDEX "rate_limit_event_bucket_key_hash_occurred_at_idx" ON "rate_limit_event"("bucket", "key_hash", "occurred_at");

-- AddForeignKey
ALTER TABLE "access_request" ADD CONSTRAINT "access_request_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Requests are handled (accepted or declined), never deleted: the audit log refers to them.
GRANT SELECT, INSERT, UPDATE ON "access_request" TO gemeenteportaal_app;
-- Rate-limit attempts are pruned by the application once they are older than every window.
GRANT SELECT, INSERT, DELETE ON "rate_limit_event" TO gemeenteportaal_app;
GRANT USAGE, SELECT ON SEQUENCE "rate_limit_event_id_seq" TO gemeenteportaal_app;
