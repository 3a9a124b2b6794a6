-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "temporaryPasswordExpiresAt" TIMESTAMP(3);
