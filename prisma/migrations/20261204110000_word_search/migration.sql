-- Word search (`q`) on an index made for it: one FTS5 table per entity type, fed by triggers so
-- every write path keeps it current. unicode61 folds letter case and accents (ä -> a); the
-- replace() calls spell the letters Unicode does not decompose (ø, æ, ð, þ, ...) as
-- src/domain/search-words.ts does for the query. A key table gives each row a stable integer
-- for the FTS rowid (the entity tables' own rowids may change on VACUUM).

CREATE TABLE "ClusterSearchKey" ("n" INTEGER PRIMARY KEY, "id" TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE "ClusterSearch" USING fts5("words", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');

CREATE TRIGGER "Cluster_search_insert" AFTER INSERT ON "Cluster" BEGIN
  INSERT INTO "ClusterSearchKey" ("id") VALUES (new."id");
  INSERT INTO "ClusterSearch" (rowid, "words") VALUES ((SELECT "n" FROM "ClusterSearchKey" WHERE "id" = new."id"), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(new."id", '') || ' ' || coalesce(new."name", '') || ' ' || coalesce(new."description", ''), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss'), 'ẞ', 'ss'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'));
END;

CREATE TRIGGER "Cluster_search_update" AFTER UPDATE OF "id", "name", "description" ON "Cluster" BEGIN
  DELETE FROM "ClusterSearch" WHERE rowid = (SELECT "n" FROM "ClusterSearchKey" WHERE "id" = old."id");
  UPDATE "ClusterSearchKey" SET "id" = new."id" WHERE "id" = old."id";
  INSERT INTO "ClusterSearch" (rowid, "words") VALUES ((SELECT "n" FROM "ClusterSearchKey" WHERE "id" = new."id"), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(new."id", '') || ' ' || coalesce(new."name", '') || ' ' || coalesce(new."description", ''), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss'), 'ẞ', 'ss'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'));
END;

CREATE TRIGGER "Cluster_search_delete" AFTER DELETE ON "Cluster" BEGIN
  DELETE FROM "ClusterSearch" WHERE rowid = (SELECT "n" FROM "ClusterSearchKey" WHERE "id" = old."id");
  DELETE FROM "ClusterSearchKey" WHERE "id" = old."id";
END;

-- Backfill the rows written before this migration.
INSERT INTO "ClusterSearchKey" ("id") SELECT "id" FROM "Cluster" ORDER BY "id";
INSERT INTO "ClusterSearch" (rowid, "words") SELECT k."n", replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(e."id", '') || ' ' || coalesce(e."name", '') || ' ' || coalesce(e."description", ''), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss'), 'ẞ', 'ss'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd') FROM "Cluster" e JOIN "ClusterSearchKey" k ON k."id" = e."id";

CREATE TABLE "CompanySearchKey" ("n" INTEGER PRIMARY KEY, "id" TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE "CompanySearch" USING fts5("words", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');

CREATE TRIGGER "Company_search_insert" AFTER INSERT ON "Company" BEGIN
  INSERT INTO "CompanySearchKey" ("id") VALUES (new."id");
  INSERT INTO "CompanySearch" (rowid, "words") VALUES ((SELECT "n" FROM "CompanySearchKey" WHERE "id" = new."id"), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(new."id", '') || ' ' || coalesce(new."name", '') || ' ' || coalesce(new."description", '') || ' ' || coalesce(new."offers", '') || ' ' || coalesce(new."needs", ''), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss'), 'ẞ', 'ss'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'));
END;

CREATE TRIGGER "Company_search_update" AFTER UPDATE OF "id", "name", "description", "offers", "needs" ON "Company" BEGIN
  DELETE FROM "CompanySearch" WHERE rowid = (SELECT "n" FROM "CompanySearchKey" WHERE "id" = old."id");
  UPDATE "CompanySearchKey" SET "id" = new."id" WHERE "id" = old."id";
  INSERT INTO "CompanySearch" (rowid, "words") VALUES ((SELECT "n" FROM "CompanySearchKey" WHERE "id" = new."id"), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(new."id", '') || ' ' || coalesce(new."name", '') || ' ' || coalesce(new."description", '') || ' ' || coalesce(new."offers", '') || ' ' || coalesce(new."needs", ''), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss'), 'ẞ', 'ss'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'));
END;

CREATE TRIGGER "Company_search_delete" AFTER DELETE ON "Company" BEGIN
  DELETE FROM "CompanySearch" WHERE rowid = (SELECT "n" FROM "CompanySearchKey" WHERE "id" = old."id");
  DELETE FROM "CompanySearchKey" WHERE "id" = old."id";
END;

-- Backfill the rows written before this migration.
INSERT INTO "CompanySearchKey" ("id") SELECT "id" FROM "Company" ORDER BY "id";
INSERT INTO "CompanySearch" (rowid, "words") SELECT k."n", replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(e."id", '') || ' ' || coalesce(e."name", '') || ' ' || coalesce(e."description", '') || ' ' || coalesce(e."offers", '') || ' ' || coalesce(e."needs", ''), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss'), 'ẞ', 'ss'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd') FROM "Company" e JOIN "CompanySearchKey" k ON k."id" = e."id";

CREATE TABLE "OpportunitySearchKey" ("n" INTEGER PRIMARY KEY, "id" TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE "OpportunitySearch" USING fts5("words", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');

CREATE TRIGGER "Opportunity_search_insert" AFTER INSERT ON "Opportunity" BEGIN
  INSERT INTO "OpportunitySearchKey" ("id") VALUES (new."id");
  INSERT INTO "OpportunitySearch" (rowid, "words") VALUES ((SELECT "n" FROM "OpportunitySearchKey" WHERE "id" = new."id"), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(new."id", '') || ' ' || coalesce(new."title", '') || ' ' || coalesce(new."description", ''), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss'), 'ẞ', 'ss'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'));
END;

CREATE TRIGGER "Opportunity_search_update" AFTER UPDATE OF "id", "title", "description" ON "Opportunity" BEGIN
  DELETE FROM "OpportunitySearch" WHERE rowid = (SELECT "n" FROM "OpportunitySearchKey" WHERE "id" = old."id");
  UPDATE "OpportunitySearchKey" SET "id" = new."id" WHERE "id" = old."id";
  INSERT INTO "OpportunitySearch" (rowid, "words") VALUES ((SELECT "n" FROM "OpportunitySearchKey" WHERE "id" = new."id"), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(new."id", '') || ' ' || coalesce(new."title", '') || ' ' || coalesce(new."description", ''), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss'), 'ẞ', 'ss'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'));
END;

CREATE TRIGGER "Opportunity_search_delete" AFTER DELETE ON "Opportunity" BEGIN
  DELETE FROM "OpportunitySearch" WHERE rowid = (SELECT "n" FROM "OpportunitySearchKey" WHERE "id" = old."id");
  DELETE FROM "OpportunitySearchKey" WHERE "id" = old."id";
END;

-- Backfill the rows written before this migration.
INSERT INTO "OpportunitySearchKey" ("id") SELECT "id" FROM "Opportunity" ORDER BY "id";
INSERT INTO "OpportunitySearch" (rowid, "words") SELECT k."n", replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce(e."id", '') || ' ' || coalesce(e."title", '') || ' ' || coalesce(e."description", ''), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss'), 'ẞ', 'ss'), 'œ', 'oe'), 'Œ', 'oe'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd') FROM "Opportunity" e JOIN "OpportunitySearchKey" k ON k."id" = e."id";
