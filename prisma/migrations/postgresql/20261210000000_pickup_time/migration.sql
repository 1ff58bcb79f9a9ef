-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN     "pickupAt" TIMESTAMP(3);
