-- AlterTable
ALTER TABLE "TextMessage" ADD COLUMN "sendAfter" DATETIME;

-- AlterTable
ALTER TABLE "WaitlistEntry" ADD COLUMN "clientAddress" TEXT;
ALTER TABLE "WaitlistEntry" ADD COLUMN "verifiedAt" DATETIME;

-- CreateTable
CREATE TABLE "PhoneCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "phone" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "usedAt" DATETIME,
    "clientAddress" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SpentChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "verifiedPhone" TEXT,
    "textReminders" BOOLEAN NOT NULL DEFAULT true,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'VISITOR',
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "disabledAt" DATETIME,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "privacyConsentVersion" TEXT,
    "privacyConsentAt" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "deletedAt", "disabledAt", "email", "id", "locale", "name", "passwordHash", "phone", "privacyConsentAt", "privacyConsentVersion", "role", "sessionVersion", "updatedAt") SELECT "createdAt", "deletedAt", "disabledAt", "email", "id", "locale", "name", "passwordHash", "phone", "privacyConsentAt", "privacyConsentVersion", "role", "sessionVersion", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_verifiedPhone_key" ON "User"("verifiedPhone");
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "userId" TEXT,
    "customerName" TEXT NOT NULL,
    "customerPhone" TEXT NOT NULL,
    "customerEmail" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "totalCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "expiresAt" DATETIME NOT NULL,
    "paidAt" DATETIME,
    "cancelledAt" DATETIME,
    "accessTokenHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "privacyConsentVersion" TEXT,
    "clientAddress" TEXT,
    "phoneVerified" BOOLEAN NOT NULL DEFAULT false,
    "reminderSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("accessTokenHash", "cancelledAt", "code", "createdAt", "currency", "customerEmail", "customerName", "customerPhone", "expiresAt", "id", "locale", "paidAt", "privacyConsentVersion", "status", "totalCents", "updatedAt", "userId") SELECT "accessTokenHash", "cancelledAt", "code", "createdAt", "currency", "customerEmail", "customerName", "customerPhone", "expiresAt", "id", "locale", "paidAt", "privacyConsentVersion", "status", "totalCents", "updatedAt", "userId" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_code_key" ON "Order"("code");
CREATE INDEX "Order_status_expiresAt_idx" ON "Order"("status", "expiresAt");
CREATE INDEX "Order_userId_idx" ON "Order"("userId");
CREATE INDEX "Order_customerEmail_idx" ON "Order"("customerEmail");
CREATE INDEX "Order_customerPhone_idx" ON "Order"("customerPhone");
CREATE INDEX "Order_clientAddress_status_idx" ON "Order"("clientAddress", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PhoneCode_phone_createdAt_idx" ON "PhoneCode"("phone", "createdAt");

-- CreateIndex
CREATE INDEX "SpentChallenge_expiresAt_idx" ON "SpentChallenge"("expiresAt");

-- CreateIndex
CREATE INDEX "TextMessage_sendAfter_idx" ON "TextMessage"("sendAfter");

-- CreateIndex
CREATE INDEX "WaitlistEntry_customerPhone_idx" ON "WaitlistEntry"("customerPhone");


-- Entries made before numbers were proven keep their place.
UPDATE "WaitlistEntry" SET "verifiedAt" = "createdAt";
