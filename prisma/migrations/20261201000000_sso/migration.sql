-- Single sign-on per organisation (issue 16): an organisation's own OpenID Connect identity provider.
-- The client secret is sealed with the data key (lib/crypto/secret-box.ts), bound to the connection id.
CREATE TABLE "sso_connection" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_secret_enc" TEXT NOT NULL,
    "domains" TEXT[] NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sso_connection_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sso_connection_organisation_id_key" ON "sso_connection"("organisation_id");
ALTER TABLE "sso_connection" ADD CONSTRAINT "sso_connection_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
GRANT SELECT, INSERT, UPDATE ON "sso_connection" TO gemeenteportaal_app;

-- The identity (issuer + subject) an account was first signed in with: a later login with the same
-- e-mail address but another subject (a reassigned address) is refused.
ALTER TABLE "app_user" ADD COLUMN "sso_subject" TEXT;

-- An SSO session re-asks the identity provider (refresh-token grant) at most every SSO_RECHECK_SECONDS,
-- so an account disabled there loses access here too.
ALTER TABLE "session" ADD COLUMN "sso_connection_id" UUID;
ALTER TABLE "session" ADD COLUMN "idp_refresh_enc" TEXT;
ALTER TABLE "session" ADD COLUMN "idp_checked_at" TIMESTAMPTZ(3);
ALTER TABLE "session" ADD CONSTRAINT "session_sso_connection_id_fkey" FOREIGN KEY ("sso_connection_id") REFERENCES "sso_connection"("id") ON DELETE SET NULL ON UPDATE CASCADE;
