-- Trip plans were never written before this release (the page said "coming soon");
-- any row would lack the new required columns.
DELETE FROM "TripPlanItem";
DELETE FROM "TripPlan";

-- CreateEnum
CREATE TYPE "TripItemKind" AS ENUM ('ROUTE', 'SESSION', 'PICKUP');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('EMAIL', 'PHONE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "privacyConsentAt" TIMESTAMP(3),
ADD COLUMN     "privacyConsentVersion" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "privacyConsentVersion" TEXT;

-- AlterTable
ALTER TABLE "TripPlan" DROP COLUMN "date",
ADD COLUMN     "days" JSONB NOT NULL,
ADD COLUMN     "shareToken" TEXT;

-- AlterTable
ALTER TABLE "TripPlanItem" DROP COLUMN "startsAt",
ADD COLUMN     "day" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" "TripItemKind" NOT NULL,
ADD COLUMN     "productId" TEXT,
ADD COLUMN     "quantity" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "startMinutes" INTEGER,
ADD COLUMN     "ticketTypeId" TEXT;

-- CreateTable
CREATE TABLE "ContactVerification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "address" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TextMessage" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TextMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactVerification_userId_channel_address_idx" ON "ContactVerification"("userId", "channel", "address");

-- CreateIndex
CREATE INDEX "TextMessage_createdAt_idx" ON "TextMessage"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TripPlan_shareToken_key" ON "TripPlan"("shareToken");

-- CreateIndex
CREATE INDEX "TripPlanItem_routeId_idx" ON "TripPlanItem"("routeId");

-- CreateIndex
CREATE INDEX "TripPlanItem_sessionId_idx" ON "TripPlanItem"("sessionId");

-- CreateIndex
CREATE INDEX "TripPlanItem_productId_idx" ON "TripPlanItem"("productId");

-- AddForeignKey
ALTER TABLE "TripPlanItem" ADD CONSTRAINT "TripPlanItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TripPlanItem" ADD CONSTRAINT "TripPlanItem_ticketTypeId_fkey" FOREIGN KEY ("ticketTypeId") REFERENCES "TicketType"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactVerification" ADD CONSTRAINT "ContactVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

