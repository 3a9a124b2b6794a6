-- CreateTable
CREATE TABLE "ProactiveSubscription" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "studentId" TEXT NOT NULL DEFAULT '',
    "channelKey" TEXT NOT NULL,
    "conversationRef" JSONB NOT NULL,
    "lang" TEXT NOT NULL DEFAULT 'fr',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProactiveSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProactiveNotice" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProactiveNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProactiveSubscription_kind_idx" ON "ProactiveSubscription"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "ProactiveSubscription_accountId_kind_studentId_key" ON "ProactiveSubscription"("accountId", "kind", "studentId");

-- CreateIndex
CREATE INDEX "ProactiveNotice_status_day_idx" ON "ProactiveNotice"("status", "day");

-- CreateIndex
CREATE UNIQUE INDEX "ProactiveNotice_subscriptionId_eventKey_key" ON "ProactiveNotice"("subscriptionId", "eventKey");

-- AddForeignKey
ALTER TABLE "ProactiveNotice" ADD CONSTRAINT "ProactiveNotice_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "ProactiveSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
