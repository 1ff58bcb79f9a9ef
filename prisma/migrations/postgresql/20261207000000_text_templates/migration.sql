-- AlterTable
ALTER TABLE "TextMessage" ADD COLUMN     "kind" TEXT,
ADD COLUMN     "provider" TEXT,
ADD COLUMN     "providerRef" TEXT,
ADD COLUMN     "templateCode" TEXT,
ADD COLUMN     "templateParams" TEXT;
