-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSchool" (
    "staffId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,

    CONSTRAINT "StaffSchool_pkey" PRIMARY KEY ("staffId","schoolId")
);

-- CreateTable
CREATE TABLE "TicketTriage" (
    "ticketId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "mergedIntoId" TEXT,
    "firstReplyAt" TIMESTAMP(3),
    "searchVector" tsvector,

    CONSTRAINT "TicketTriage_pkey" PRIMARY KEY ("ticketId")
);

-- CreateTable
CREATE TABLE "TicketAttachment" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "messageId" TEXT,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationNotice" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "ConversationNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistantQuestion" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "lang" TEXT NOT NULL DEFAULT 'fr',
    "text" TEXT NOT NULL,
    "intent" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "runnerUp" TEXT,
    "outcome" TEXT NOT NULL,
    "ticketId" TEXT,
    "schoolId" TEXT,
    "correctedIntent" TEXT,
    "correctedById" TEXT,
    "correctedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistantQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuarantinedMail" (
    "id" TEXT NOT NULL,
    "messageId" TEXT,
    "fromAddress" TEXT,
    "subject" TEXT,
    "reason" TEXT NOT NULL,
    "raw" BYTEA NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replayRequestedAt" TIMESTAMP(3),
    "replayRequestedBy" TEXT,
    "replayedAt" TIMESTAMP(3),
    "replayOutcome" TEXT,

    CONSTRAINT "QuarantinedMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffSession_tokenHash_key" ON "StaffSession"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSession_staffId_idx" ON "StaffSession"("staffId");

-- CreateIndex
CREATE INDEX "StaffSchool_schoolId_idx" ON "StaffSchool"("schoolId");

-- CreateIndex
CREATE INDEX "TicketTriage_assigneeId_idx" ON "TicketTriage"("assigneeId");

-- CreateIndex
CREATE INDEX "TicketTriage_searchVector_idx" ON "TicketTriage" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "TicketAttachment_ticketId_idx" ON "TicketAttachment"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationNotice_messageId_key" ON "ConversationNotice"("messageId");

-- CreateIndex
CREATE INDEX "ConversationNotice_status_createdAt_idx" ON "ConversationNotice"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AssistantQuestion_createdAt_idx" ON "AssistantQuestion"("createdAt");

-- CreateIndex
CREATE INDEX "AssistantQuestion_outcome_createdAt_idx" ON "AssistantQuestion"("outcome", "createdAt");

-- CreateIndex
CREATE INDEX "QuarantinedMail_receivedAt_idx" ON "QuarantinedMail"("receivedAt");

-- CreateIndex
CREATE INDEX "Ticket_updatedAt_number_idx" ON "Ticket"("updatedAt" DESC, "number" DESC);

-- CreateIndex
CREATE INDEX "Ticket_schoolId_updatedAt_number_idx" ON "Ticket"("schoolId", "updatedAt" DESC, "number" DESC);

-- CreateIndex
CREATE INDEX "Ticket_status_updatedAt_number_idx" ON "Ticket"("status", "updatedAt" DESC, "number" DESC);
