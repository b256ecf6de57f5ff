-- Search on PostgreSQL (decision 0011, issue 17): the same case-insensitive substring match as
-- SQLite's FTS5 trigram index, as ILIKE over trigram GIN indexes (pg_trgm, a trusted extension
-- that ships with PostgreSQL). Prisma's schema cannot describe these; this is their definition.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Request_title_trgm_idx" ON "Request" USING gin ("title" gin_trgm_ops);
CREATE INDEX "Request_reference_trgm_idx" ON "Request" USING gin ("reference" gin_trgm_ops);
CREATE INDEX "Request_description_trgm_idx" ON "Request" USING gin ("description" gin_trgm_ops);
