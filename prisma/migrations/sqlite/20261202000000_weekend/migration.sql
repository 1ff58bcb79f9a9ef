-- Trip plans were never written before this release (the page said "coming soon");
-- any row would lack the new required columns.
DELETE FROM "TripPlanItem";
DELETE FROM "TripPlan";

-- AlterTable
ALTER TABLE "User" ADD COLUMN "deletedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "privacyConsentAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "privacyConsentVersion" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "privacyConsentVersion" TEXT;

-- CreateTable
CREATE TABLE "ContactVerification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TextMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "to" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sentAt" DATETIME,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TripPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "days" JSONB NOT NULL,
    "shareToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TripPlan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TripPlan" ("createdAt", "id", "title", "updatedAt", "userId") SELECT "createdAt", "id", "title", "updatedAt", "userId" FROM "TripPlan";
DROP TABLE "TripPlan";
ALTER TABLE "new_TripPlan" RENAME TO "TripPlan";
CREATE UNIQUE INDEX "TripPlan_shareToken_key" ON "TripPlan"("shareToken");
CREATE INDEX "TripPlan_userId_idx" ON "TripPlan"("userId");
CREATE TABLE "new_TripPlanItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tripId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "day" INTEGER NOT NULL DEFAULT 0,
    "startMinutes" INTEGER,
    "routeId" TEXT,
    "sessionId" TEXT,
    "productId" TEXT,
    "ticketTypeId" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT,
    CONSTRAINT "TripPlanItem_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "TripPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TripPlanItem_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "Route" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TripPlanItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FestivalSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TripPlanItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TripPlanItem_ticketTypeId_fkey" FOREIGN KEY ("ticketTypeId") REFERENCES "TicketType" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_TripPlanItem" ("id", "note", "position", "routeId", "sessionId", "tripId") SELECT "id", "note", "position", "routeId", "sessionId", "tripId" FROM "TripPlanItem";
DROP TABLE "TripPlanItem";
ALTER TABLE "new_TripPlanItem" RENAME TO "TripPlanItem";
CREATE INDEX "TripPlanItem_routeId_idx" ON "TripPlanItem"("routeId");
CREATE INDEX "TripPlanItem_sessionId_idx" ON "TripPlanItem"("sessionId");
CREATE INDEX "TripPlanItem_productId_idx" ON "TripPlanItem"("productId");
CREATE UNIQUE INDEX "TripPlanItem_tripId_position_key" ON "TripPlanItem"("tripId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ContactVerification_userId_channel_address_idx" ON "ContactVerification"("userId", "channel", "address");

-- CreateIndex
CREATE INDEX "TextMessage_createdAt_idx" ON "TextMessage"("createdAt");

