-- Initial schema. Drafted with prisma migrate diff; the security section at the end is hand-written.
-- CreateSchema

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('TTP', 'AANBIEDER', 'GEMEENTE', 'REGIO');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('TTP_BEHEER', 'AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE', 'GEMEENTE', 'REGIO');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('AANGEVRAAGD', 'VERZONDEN', 'ONDERTEKEND', 'BEEINDIGD', 'VERLOPEN');

-- CreateEnum
CREATE TYPE "UploadKind" AS ENUM ('TEST', 'PRODUCTIE');

-- CreateEnum
CREATE TYPE "UploadStatus" AS ENUM ('ONTVANGEN', 'IN_VERWERKING', 'VERWERKT', 'VERWERKT_MET_FOUTEN', 'AFGEWEZEN');

-- CreateEnum
CREATE TYPE "Domein" AS ENUM ('JEUGD', 'WMO');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('WACHTWOORD_HERSTEL', 'UITNODIGING');

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "agb_code" CHAR(8),
    "cbs_code" CHAR(4),
    "contact_email" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "host_gemeente_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regio_member" (
    "regio_id" UUID NOT NULL,
    "gemeente_id" UUID NOT NULL,

    CONSTRAINT "regio_member_pkey" PRIMARY KEY ("regio_id","gemeente_id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organisation_id" UUID NOT NULL,
    "password_hash" TEXT,
    "totp_secret_enc" TEXT,
    "totp_pending_enc" TEXT,
    "totp_enabled_at" TIMESTAMPTZ(3),
    "totp_last_step" BIGINT,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_token" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_mail" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "outbox_mail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processing_agreement" (
    "id" UUID NOT NULL,
    "aanbieder_id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "status" "AgreementStatus" NOT NULL,
    "requested_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "signed_at" DATE,
    "valid_from" DATE,
    "valid_until" DATE,
    "ended_at" DATE,
    "signatory_name" TEXT,
    "signatory_role" TEXT,
    "document_path" TEXT,
    "document_sha256" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processing_agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "upload" (
    "id" UUID NOT NULL,
    "aanbieder_id" UUID NOT NULL,
    "uploaded_by_id" UUID,
    "kind" "UploadKind" NOT NULL,
    "status" "UploadStatus" NOT NULL DEFAULT 'ONTVANGEN',
    "file_name" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_path" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "row_count" INTEGER,
    "accepted_count" INTEGER,
    "rejected_count" INTEGER,
    "report" JSONB,

    CONSTRAINT "upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trajectory" (
    "id" BIGSERIAL NOT NULL,
    "aanbieder_id" UUID NOT NULL,
    "traject_id" VARCHAR(20) NOT NULL,
    "respondent" CHAR(1),
    "client_pseudonym" VARCHAR(80) NOT NULL,
    "domein" "Domein" NOT NULL DEFAULT 'JEUGD',
    "upload_id" UUID,
    "geboortejaar" SMALLINT NOT NULL,
    "geslacht" CHAR(1) NOT NULL,
    "gemeentecode" CHAR(4) NOT NULL,
    "begindatum" DATE NOT NULL,
    "einddatum" DATE,
    "reden_einde" CHAR(2),
    "verwijzer" CHAR(2),
    "hulpvorm" CHAR(2) NOT NULL,
    "productcategorie" CHAR(2),
    "profiel" SMALLINT,
    "zorgvraagzwaarte" SMALLINT,
    "complexiteit" SMALLINT,
    "perspectief" CHAR(2),
    "crisis" BOOLEAN,
    "tevredenheid" SMALLINT,
    "zonder_hulp_verder" SMALLINT,
    "afname_problematiek" SMALLINT,
    "doelrealisatie" SMALLINT,
    "meetdatum" DATE,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trajectory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "event" TEXT NOT NULL,
    "user_id" UUID,
    "user_email" TEXT,
    "role" "Role",
    "organisation_id" UUID,
    "organisation_name" TEXT,
    "object" TEXT,
    "scope" JSONB,
    "address" TEXT,
    "outcome" TEXT NOT NULL DEFAULT 'ok',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisation_agb_code_key" ON "organisation"("agb_code");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_cbs_code_key" ON "organisation"("cbs_code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_organisation_id_idx" ON "app_user"("organisation_id");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_token_token_hash_key" ON "user_token"("token_hash");

-- CreateIndex
CREATE INDEX "user_token_user_id_idx" ON "user_token"("user_id");

-- CreateIndex
CREATE INDEX "processing_agreement_aanbieder_id_idx" ON "processing_agreement"("aanbieder_id");

-- CreateIndex
CREATE INDEX "upload_status_idx" ON "upload"("status");

-- CreateIndex
CREATE UNIQUE INDEX "upload_aanbieder_id_kind_sha256_key" ON "upload"("aanbieder_id", "kind", "sha256");

-- CreateIndex
CREATE INDEX "trajectory_gemeentecode_einddatum_idx" ON "trajectory"("gemeentecode", "einddatum");

-- CreateIndex
CREATE INDEX "trajectory_aanbieder_id_einddatum_idx" ON "trajectory"("aanbieder_id", "einddatum");

-- CreateIndex
CREATE INDEX "trajectory_client_pseudonym_begindatum_idx" ON "trajectory"("client_pseudonym", "begindatum");

-- CreateIndex
-- NULLS NOT DISTINCT: a record without respondent is still one record per key (PostgreSQL 15+).
CREATE UNIQUE INDEX "trajectory_aanbieder_id_traject_id_respondent_key" ON "trajectory"("aanbieder_id", "traject_id", "respondent") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "audit_log_occurred_at_idx" ON "audit_log"("occurred_at");

-- CreateIndex
CREATE INDEX "audit_log_user_id_occurred_at_idx" ON "audit_log"("user_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_log_organisation_id_occurred_at_idx" ON "audit_log"("organisation_id", "occurred_at");

-- AddForeignKey
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_host_gemeente_id_fkey" FOREIGN KEY ("host_gemeente_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regio_member" ADD CONSTRAINT "regio_member_regio_id_fkey" FOREIGN KEY ("regio_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regio_member" ADD CONSTRAINT "regio_member_gemeente_id_fkey" FOREIGN KEY ("gemeente_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_token" ADD CONSTRAINT "user_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "processing_agreement" ADD CONSTRAINT "processing_agreement_aanbieder_id_fkey" FOREIGN KEY ("aanbieder_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upload" ADD CONSTRAINT "upload_aanbieder_id_fkey" FOREIGN KEY ("aanbieder_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upload" ADD CONSTRAINT "upload_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trajectory" ADD CONSTRAINT "trajectory_aanbieder_id_fkey" FOREIGN KEY ("aanbieder_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ===== Security (hand-written) =====
-- The application runs as role gemeenteportaal_app (SET ROLE on every pooled connection, see lib/db.ts):
-- no BYPASSRLS, no UPDATE/DELETE on the audit log. The migrating user keeps ownership.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gemeenteportaal_app') THEN
    CREATE ROLE gemeenteportaal_app NOLOGIN NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created concurrently by another database's migration on the same cluster
END
$$;
GRANT gemeenteportaal_app TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO gemeenteportaal_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  "organisation", "regio_member", "app_user", "session", "user_token", "outbox_mail",
  "processing_agreement", "upload", "trajectory"
  TO gemeenteportaal_app;
GRANT SELECT, INSERT ON "audit_log" TO gemeenteportaal_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO gemeenteportaal_app;

-- Client-level data: row-level security as a second line behind the scoped where-clauses of lib/.
-- The scope is set per transaction with set_config('app.scope_*', …, true) by lib/access/with-scope.ts.
ALTER TABLE "trajectory" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "trajectory" FORCE ROW LEVEL SECURITY;
CREATE POLICY trajectory_scope ON "trajectory" USING (
  CASE current_setting('app.scope_kind', true)
    WHEN 'system' THEN true
    WHEN 'aanbieder' THEN "aanbieder_id" = NULLIF(current_setting('app.scope_aanbieder', true), '')::uuid
    WHEN 'gemeente' THEN "gemeentecode" = ANY (string_to_array(current_setting('app.scope_gemeenten', true), ','))
    ELSE false
  END
) WITH CHECK (current_setting('app.scope_kind', true) = 'system');

-- NEN 7513: the access log is append-only, for every role, superusers included.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (NEN 7513)';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
