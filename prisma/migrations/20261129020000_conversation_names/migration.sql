-- One name per concept (issue 14, docs/domain.md): the kwaliteitsgesprek is `conversation` in the
-- code and in the database (it was quality_conversation in SQL, QualityConversation in the schema
-- and conversations in the services). Grants and row data follow the tables.
ALTER TABLE "quality_conversation" RENAME TO "conversation";
ALTER TABLE "quality_answer" RENAME TO "conversation_answer";
ALTER TABLE "quality_action" RENAME TO "conversation_action";

ALTER INDEX "quality_conversation_pkey" RENAME TO "conversation_pkey";
ALTER INDEX "quality_answer_pkey" RENAME TO "conversation_answer_pkey";
ALTER INDEX "quality_action_pkey" RENAME TO "conversation_action_pkey";
ALTER INDEX "quality_conversation_organisation_id_aanbieder_id_created_a_idx" RENAME TO "conversation_organisation_id_aanbieder_id_created_at_idx";
ALTER INDEX "quality_conversation_aanbieder_id_idx" RENAME TO "conversation_aanbieder_id_idx";
ALTER INDEX "quality_answer_conversation_id_idx" RENAME TO "conversation_answer_conversation_id_idx";
ALTER INDEX "quality_action_conversation_id_idx" RENAME TO "conversation_action_conversation_id_idx";

ALTER TABLE "conversation" RENAME CONSTRAINT "quality_conversation_organisation_id_fkey" TO "conversation_organisation_id_fkey";
ALTER TABLE "conversation" RENAME CONSTRAINT "quality_conversation_aanbieder_id_fkey" TO "conversation_aanbieder_id_fkey";
ALTER TABLE "conversation_answer" RENAME CONSTRAINT "quality_answer_conversation_id_fkey" TO "conversation_answer_conversation_id_fkey";
ALTER TABLE "conversation_action" RENAME CONSTRAINT "quality_action_conversation_id_fkey" TO "conversation_action_conversation_id_fkey";
ALTER TABLE "conversation_answer" RENAME CONSTRAINT "quality_answer_question_check" TO "conversation_answer_question_check";
