-- Kwaliteitsgesprek (issue 6): conversations with frozen shareable figures, answers to the four questions, agreed actions.
-- CreateEnum
CREATE TYPE "ConversationSide" AS ENUM ('GEMEENTE', 'AANBIEDER');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'AFGEROND');

-- CreateTable
CREATE TABLE "quality_conversation" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "aanbieder_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "meeting_date" DATE,
    "figures" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quality_answer" (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "question" SMALLINT NOT NULL,
    "side" "ConversationSide" NOT NULL,
    "author_id" UUID,
    "author_name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quality_action" (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "due_date" DATE NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "quality_action_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "quality_conversation_organisation_id_aanbieder_id_created_a_idx" ON "quality_conversation"("organisation_id", "aanbieder_id", "created_at");

-- CreateIndex
CREATE INDEX "quality_conversation_aanbieder_id_idx" ON "quality_conversation"("aanbieder_id");

-- CreateIndex
CREATE INDEX "quality_answer_conversation_id_idx" ON "quality_answer"("conversation_id");

-- CreateIndex
CREATE INDEX "quality_action_conversation_id_idx" ON "quality_action"("conversation_id");

-- AddForeignKey
ALTER TABLE "quality_conversation" ADD CONSTRAINT "quality_conversation_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_conversation" ADD CONSTRAINT "quality_conversation_aanbieder_id_fkey" FOREIGN KEY ("aanbieder_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_answer" ADD CONSTRAINT "quality_answer_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "quality_conversation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_action" ADD CONSTRAINT "quality_action_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "quality_conversation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A conversation and its answers are a record: kept, never deleted; answers are never edited.
ALTER TABLE "quality_answer" ADD CONSTRAINT "quality_answer_question_check" CHECK ("question" BETWEEN 1 AND 4);
GRANT SELECT, INSERT ON "quality_conversation", "quality_answer" TO gemeenteportaal_app;
GRANT SELECT, INSERT, UPDATE ON "quality_action" TO gemeenteportaal_app;
