-- Account links reach only their addressee (docs/security.md, "The TTP kept out of the figures").
-- The outbox keeps what admins may read (to, subject, the text with every account link replaced)
-- and, until the mail is delivered, the whole text sealed with the data key (AES-256-GCM, bound to
-- the row id); delivery happens after the request that wrote it, claimed by sending_at.
ALTER TABLE "outbox_mail" ADD COLUMN "body_enc" TEXT;
ALTER TABLE "outbox_mail" ADD COLUMN "sending_at" TIMESTAMPTZ(3);
UPDATE "outbox_mail"
   SET "body" = regexp_replace("body", '\S*[?&]token=\S+', '[persoonlijke link: alleen in de e-mail aan de geadresseerde]', 'g');

-- Four eyes: a 2FA reset asked by one admin is done when a second admin confirms it.
ALTER TABLE "app_user" ADD COLUMN "totp_reset_requested_by" UUID;
ALTER TABLE "app_user" ADD COLUMN "totp_reset_requested_at" TIMESTAMPTZ(3);

-- Four eyes: a connection saved or changed by one admin is turned on by another.
ALTER TABLE "sso_connection" ADD COLUMN "changed_by" UUID;
ALTER TABLE "sso_connection" ALTER COLUMN "active" SET DEFAULT false;
