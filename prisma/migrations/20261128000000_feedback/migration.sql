-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "companyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "score" REAL,
    "note" TEXT,
    "keyId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Feedback_candidateId_idx" ON "Feedback"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_companyId_kind_candidateId_key" ON "Feedback"("companyId", "kind", "candidateId");
