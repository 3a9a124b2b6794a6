-- CreateEnum
CREATE TYPE "MailIntakeAction" AS ENUM ('TICKET', 'THREAD', 'IGNORE', 'QUARANTINE');

-- CreateTable
CREATE TABLE "MailboxSyncState" (
    "mailbox" TEXT NOT NULL,
    "uidValidity" BIGINT,
    "lastUid" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailboxSyncState_pkey" PRIMARY KEY ("mailbox")
);

-- CreateTable
CREATE TABLE "InboundEmail" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "messageId" TEXT,
    "contentHash" TEXT NOT NULL,
    "mailbox" TEXT,
    "uidValidity" BIGINT,
    "uid" BIGINT,
    "action" "MailIntakeAction" NOT NULL,
    "reason" TEXT,
    "intent" TEXT,
    "lang" TEXT,
    "fromAddress" TEXT,
    "subject" TEXT,
    "ticketId" TEXT,
    "ticketMessageId" TEXT,
    "replyOutboxId" TEXT,
    "quarantineId" TEXT,
    "raw" BYTEA,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InboundEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailQuarantine" (
    "id" TEXT NOT NULL,
    "messageId" TEXT,
    "contentHash" TEXT NOT NULL,
    "mailbox" TEXT,
    "uid" BIGINT,
    "stage" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "raw" BYTEA NOT NULL,
    "replays" INTEGER NOT NULL DEFAULT 0,
    "resolvedAt" TIMESTAMP(3),
    "resolvedAs" "MailIntakeAction",
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailQuarantine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailReplyCount" (
    "sender" TEXT NOT NULL,
    "hourStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MailReplyCount_pkey" PRIMARY KEY ("sender","hourStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "InboundEmail_dedupeKey_key" ON "InboundEmail"("dedupeKey");

-- CreateIndex
CREATE INDEX "InboundEmail_mailbox_uidValidity_uid_idx" ON "InboundEmail"("mailbox", "uidValidity", "uid");

-- CreateIndex
CREATE INDEX "InboundEmail_fromAddress_receivedAt_idx" ON "InboundEmail"("fromAddress", "receivedAt");

-- CreateIndex
CREATE INDEX "MailQuarantine_resolvedAt_idx" ON "MailQuarantine"("resolvedAt");
