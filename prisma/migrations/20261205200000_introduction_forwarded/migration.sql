-- An introduction request forwarded to the company by mail: when, and to which address.
ALTER TABLE "Introduction" ADD COLUMN "forwardedAt" DATETIME;
ALTER TABLE "Introduction" ADD COLUMN "forwardedTo" TEXT;
