-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "paidAt" DATETIME;

-- CreateTable
CREATE TABLE "Reconciliation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "provider" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "error" TEXT,
    "billLines" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ReconciliationDifference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reconciliationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "orderId" TEXT,
    "providerCents" INTEGER,
    "ourCents" INTEGER,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReconciliationDifference_reconciliationId_fkey" FOREIGN KEY ("reconciliationId") REFERENCES "Reconciliation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Reconciliation_provider_day_key" ON "Reconciliation"("provider", "day");

-- CreateIndex
CREATE INDEX "ReconciliationDifference_reconciliationId_idx" ON "ReconciliationDifference"("reconciliationId");

-- CreateIndex
CREATE INDEX "ReconciliationDifference_resolvedAt_createdAt_idx" ON "ReconciliationDifference"("resolvedAt", "createdAt");
