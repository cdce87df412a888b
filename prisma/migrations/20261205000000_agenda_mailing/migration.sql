-- CreateTable
CREATE TABLE "AgendaMailing" (
    "eventId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "agendaHash" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "transport" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("eventId", "companyId")
);

-- CreateIndex
CREATE INDEX "AgendaMailing_companyId_idx" ON "AgendaMailing"("companyId");
