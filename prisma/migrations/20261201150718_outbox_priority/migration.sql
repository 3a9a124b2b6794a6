-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "priority" BOOLEAN NOT NULL DEFAULT false;

-- Backfill (added by hand to the generated migration): the emails already stored get the flag enqueueEmail
-- now sets, so an accounts' email queued before this migration still goes first.
UPDATE "OutboxMessage" SET "priority" = true WHERE "template" LIKE 'accounts:%';

-- CreateIndex
CREATE INDEX "OutboxMessage_status_priority_nextAttemptAt_createdAt_idx" ON "OutboxMessage"("status", "priority" DESC, "nextAttemptAt", "createdAt");
