-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "origins" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateTable
CREATE TABLE "Introduction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "companyId" TEXT NOT NULL,
    "visitorName" TEXT NOT NULL,
    "visitorEmail" TEXT NOT NULL,
    "visitorCompany" TEXT,
    "visitorCountry" TEXT,
    "message" TEXT NOT NULL,
    "consentAt" DATETIME NOT NULL,
    "siteKeyId" TEXT,
    "origin" TEXT,
    "language" TEXT,
    "status" TEXT NOT NULL,
    "staffNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Introduction_status_idx" ON "Introduction"("status");

-- CreateIndex
CREATE INDEX "Introduction_companyId_idx" ON "Introduction"("companyId");
