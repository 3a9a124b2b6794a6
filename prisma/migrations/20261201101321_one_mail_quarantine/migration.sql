-- AlterTable
ALTER TABLE "MailQuarantine" ADD COLUMN     "fromAddress" TEXT,
ADD COLUMN     "replayOutcome" TEXT,
ADD COLUMN     "replayRequestedAt" TIMESTAMP(3),
ADD COLUMN     "replayRequestedBy" TEXT,
ADD COLUMN     "replayedAt" TIMESTAMP(3),
ADD COLUMN     "subject" TEXT;

-- DropTable
DROP TABLE "QuarantinedMail";

-- CreateIndex
CREATE INDEX "MailQuarantine_replayRequestedAt_idx" ON "MailQuarantine"("replayRequestedAt");
