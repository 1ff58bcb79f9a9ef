-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN "deviceId" TEXT;
ALTER TABLE "CheckIn" ADD COLUMN "localResult" TEXT;
ALTER TABLE "CheckIn" ADD COLUMN "scanId" TEXT;
ALTER TABLE "CheckIn" ADD COLUMN "syncedAt" DATETIME;

-- CreateTable
CREATE TABLE "WaitlistEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "ticketTypeId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "userId" TEXT,
    "customerName" TEXT NOT NULL,
    "customerPhone" TEXT NOT NULL,
    "customerEmail" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "orderId" TEXT,
    "offeredAt" DATETIME,
    "offerExpiresAt" DATETIME,
    "leaveTokenHash" TEXT NOT NULL,
    "privacyConsentVersion" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WaitlistEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FestivalSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WaitlistEntry_ticketTypeId_fkey" FOREIGN KEY ("ticketTypeId") REFERENCES "TicketType" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WaitlistEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WaitlistEntry_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FestivalSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "festivalId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "capacity" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "labelZh" TEXT,
    "labelEn" TEXT,
    "waitlistClosed" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "FestivalSession_festivalId_fkey" FOREIGN KEY ("festivalId") REFERENCES "Festival" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FestivalSession" ("capacity", "endsAt", "festivalId", "id", "labelEn", "labelZh", "reserved", "startsAt") SELECT "capacity", "endsAt", "festivalId", "id", "labelEn", "labelZh", "reserved", "startsAt" FROM "FestivalSession";
DROP TABLE "FestivalSession";
ALTER TABLE "new_FestivalSession" RENAME TO "FestivalSession";
CREATE INDEX "FestivalSession_festivalId_startsAt_idx" ON "FestivalSession"("festivalId", "startsAt");
CREATE TABLE "new_OrderItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ticketTypeId" TEXT,
    "sessionId" TEXT,
    "productId" TEXT,
    "farmerId" TEXT,
    "quantity" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "fulfilmentMethod" TEXT,
    "fulfilmentStatus" TEXT NOT NULL DEFAULT 'AWAITING_PAYMENT',
    "pickupSessionId" TEXT,
    "deliveryAddress" JSONB,
    "deliveryFeeCents" INTEGER NOT NULL DEFAULT 0,
    "trackingNumber" TEXT,
    "refundedQuantity" INTEGER NOT NULL DEFAULT 0,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderItem_ticketTypeId_fkey" FOREIGN KEY ("ticketTypeId") REFERENCES "TicketType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OrderItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FestivalSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OrderItem_pickupSessionId_fkey" FOREIGN KEY ("pickupSessionId") REFERENCES "FestivalSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OrderItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OrderItem_farmerId_fkey" FOREIGN KEY ("farmerId") REFERENCES "FarmerProfile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_OrderItem" ("createdAt", "currency", "deliveryAddress", "deliveryFeeCents", "farmerId", "fulfilmentMethod", "fulfilmentStatus", "id", "kind", "nameEn", "nameZh", "orderId", "pickupSessionId", "productId", "quantity", "sessionId", "ticketTypeId", "totalCents", "trackingNumber", "unitPriceCents", "updatedAt") SELECT "createdAt", "currency", "deliveryAddress", "deliveryFeeCents", "farmerId", "fulfilmentMethod", "fulfilmentStatus", "id", "kind", "nameEn", "nameZh", "orderId", "pickupSessionId", "productId", "quantity", "sessionId", "ticketTypeId", "totalCents", "trackingNumber", "unitPriceCents", "updatedAt" FROM "OrderItem";
DROP TABLE "OrderItem";
ALTER TABLE "new_OrderItem" RENAME TO "OrderItem";
CREATE INDEX "OrderItem_orderId_idx" ON "OrderItem"("orderId");
CREATE INDEX "OrderItem_farmerId_fulfilmentStatus_idx" ON "OrderItem"("farmerId", "fulfilmentStatus");
CREATE INDEX "OrderItem_sessionId_idx" ON "OrderItem"("sessionId");
CREATE TABLE "new_Refund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "paymentId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "providerRef" TEXT,
    "reason" TEXT,
    "orderItemId" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Refund_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Refund_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Refund" ("amountCents", "createdAt", "id", "paymentId", "providerRef", "reason") SELECT "amountCents", "createdAt", "id", "paymentId", "providerRef", "reason" FROM "Refund";
DROP TABLE "Refund";
ALTER TABLE "new_Refund" RENAME TO "Refund";
CREATE UNIQUE INDEX "Refund_providerRef_key" ON "Refund"("providerRef");
CREATE INDEX "Refund_orderItemId_idx" ON "Refund"("orderItemId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_orderId_key" ON "WaitlistEntry"("orderId");

-- CreateIndex
CREATE INDEX "WaitlistEntry_sessionId_status_createdAt_idx" ON "WaitlistEntry"("sessionId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "WaitlistEntry_customerEmail_idx" ON "WaitlistEntry"("customerEmail");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_userId_deviceId_scanId_key" ON "CheckIn"("userId", "deviceId", "scanId");

