-- AlterEnum
ALTER TYPE "PaymentProvider" ADD VALUE 'WECHATPAY';
ALTER TYPE "PaymentProvider" ADD VALUE 'ALIPAY';

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "transactionId" TEXT;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN "settledAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ProviderTrade" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "provider" "PaymentProvider" NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ProviderTrade_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProviderTrade_outTradeNo_key" ON "ProviderTrade"("outTradeNo");

-- CreateIndex
CREATE INDEX "ProviderTrade_orderId_idx" ON "ProviderTrade"("orderId");

-- CreateIndex
CREATE INDEX "ProviderTrade_closedAt_createdAt_idx" ON "ProviderTrade"("closedAt", "createdAt");

-- AddForeignKey
ALTER TABLE "ProviderTrade" ADD CONSTRAINT "ProviderTrade_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
