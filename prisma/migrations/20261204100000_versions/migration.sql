-- Optimistic concurrency: every write of a cluster, company or opportunity adds 1 (the ETag).
ALTER TABLE "Cluster" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Company" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Opportunity" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
