-- CreateTable
CREATE TABLE "ScheduledJobRun" (
    "job" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ScheduledJobRun_pkey" PRIMARY KEY ("job","period")
);
