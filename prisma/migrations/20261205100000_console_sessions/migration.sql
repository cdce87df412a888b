-- CreateTable
CREATE TABLE "ConsoleSession" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "keyId" TEXT,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ConsoleSession_keyId_idx" ON "ConsoleSession"("keyId");
