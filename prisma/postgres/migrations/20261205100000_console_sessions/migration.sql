-- CreateTable
CREATE TABLE "ConsoleSession" (
    "hash" TEXT NOT NULL,
    "keyId" TEXT,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsoleSession_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "ConsoleSession_keyId_idx" ON "ConsoleSession"("keyId");
