-- AlterTable
ALTER TABLE "TextMessage" ADD COLUMN "kind" TEXT;
ALTER TABLE "TextMessage" ADD COLUMN "provider" TEXT;
ALTER TABLE "TextMessage" ADD COLUMN "providerRef" TEXT;
ALTER TABLE "TextMessage" ADD COLUMN "templateCode" TEXT;
ALTER TABLE "TextMessage" ADD COLUMN "templateParams" TEXT;
