-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN "pickupAt" DATETIME;
