-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "transactionId" TEXT;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN "settledAt" DATETIME;

-- CreateTable
CREATE TABLE "ProviderTrade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "ProviderTrade_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ProviderTrade_outTradeNo_key" ON "ProviderTrade"("outTradeNo");

-- CreateIndex
CREATE INDEX "ProviderTrade_orderId_idx" ON "ProviderTrade"("orderId");

-- CreateIndex
CREATE INDEX "ProviderTrade_closedAt_createdAt_idx" ON "ProviderTrade"("closedAt", "createdAt");
