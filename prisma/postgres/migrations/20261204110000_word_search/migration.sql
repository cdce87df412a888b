-- Word search (`q`) on an index made for it: a stored tsvector per row with a GIN index. The
-- words are split and folded here exactly as src/domain/search-words.ts splits and folds the
-- query (NFKD without accents, lower case, ø/æ/ð/þ... spelled in ASCII; runs of letters and
-- digits), and are stored as lexemes without a dictionary, so a query is matched word for word
-- (or by prefix) whatever text search configuration or locale the server has. No extension
-- needed (unaccent may be missing on a managed server).

CREATE FUNCTION "nordichub_fold"(doc text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(translate(lower(regexp_replace(normalize(doc, NFKD), '[\u0300-\u036f]', '', 'g')), 'øØðÐłŁđĐ', 'ooddlldd'), 'æ', 'ae'), 'Æ', 'ae'), 'þ', 'th'), 'Þ', 'th'), 'ß', 'ss'), 'ẞ', 'ss'), 'œ', 'oe'), 'Œ', 'oe')
$$;

-- Lexemes are limited to 2 KB: a longer "word" is no word anyone searches for.
CREATE FUNCTION "nordichub_words"(doc text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array_to_tsvector(ARRAY(
    SELECT w FROM regexp_split_to_table("nordichub_fold"(doc), '[^[:alnum:]]+') AS w WHERE w <> '' AND octet_length(w) < 2048
  ))
$$;

-- Generated, so every write keeps it current; adding it computes it for existing rows.
ALTER TABLE "Cluster" ADD COLUMN "searchWords" tsvector GENERATED ALWAYS AS ("nordichub_words"(coalesce("id", '') || ' ' || coalesce("name", '') || ' ' || coalesce("description", ''))) STORED;
CREATE INDEX "Cluster_searchWords_idx" ON "Cluster" USING GIN ("searchWords");

-- Generated, so every write keeps it current; adding it computes it for existing rows.
ALTER TABLE "Company" ADD COLUMN "searchWords" tsvector GENERATED ALWAYS AS ("nordichub_words"(coalesce("id", '') || ' ' || coalesce("name", '') || ' ' || coalesce("description", '') || ' ' || coalesce("offers", '') || ' ' || coalesce("needs", ''))) STORED;
CREATE INDEX "Company_searchWords_idx" ON "Company" USING GIN ("searchWords");

-- Generated, so every write keeps it current; adding it computes it for existing rows.
ALTER TABLE "Opportunity" ADD COLUMN "searchWords" tsvector GENERATED ALWAYS AS ("nordichub_words"(coalesce("id", '') || ' ' || coalesce("title", '') || ' ' || coalesce("description", ''))) STORED;
CREATE INDEX "Opportunity_searchWords_idx" ON "Opportunity" USING GIN ("searchWords");
