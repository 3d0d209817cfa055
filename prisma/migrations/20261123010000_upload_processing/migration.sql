-- Upload processing: raw-file retention and in-portal notifications.
-- AlterTable
ALTER TABLE "upload" ADD COLUMN     "file_deleted_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_organisation_id_created_at_idx" ON "notification"("organisation_id", "created_at");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


GRANT SELECT, INSERT, UPDATE, DELETE ON "notification" TO gemeenteportaal_app;
