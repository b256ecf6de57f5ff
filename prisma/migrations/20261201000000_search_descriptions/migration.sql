-- Search finds words in a request's description too (issue 13), not only its title and
-- reference: the FTS5 trigram index of migration 20261125033000_request_search, made again
-- with the description column, and its triggers with it. Prisma's schema does not describe
-- virtual tables; this migration is now their definition.
DROP TRIGGER "RequestSearch_insert";
DROP TRIGGER "RequestSearch_delete";
DROP TRIGGER "RequestSearch_update";
DROP TABLE "RequestSearch";

CREATE VIRTUAL TABLE "RequestSearch" USING fts5(title, reference, description, content='Request', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "RequestSearch_insert" AFTER INSERT ON "Request" BEGIN
  INSERT INTO "RequestSearch"(rowid, title, reference, description) VALUES (new.rowid, new.title, new.reference, new.description);
END;

CREATE TRIGGER "RequestSearch_delete" AFTER DELETE ON "Request" BEGIN
  INSERT INTO "RequestSearch"("RequestSearch", rowid, title, reference, description) VALUES ('delete', old.rowid, old.title, old.reference, old.description);
END;

CREATE TRIGGER "RequestSearch_update" AFTER UPDATE OF title, reference, description ON "Request" BEGIN
  INSERT INTO "RequestSearch"("RequestSearch", rowid, title, reference, description) VALUES ('delete', old.rowid, old.title, old.reference, old.description);
  INSERT INTO "RequestSearch"(rowid, title, reference, description) VALUES (new.rowid, new.title, new.reference, new.description);
END;

INSERT INTO "RequestSearch"("RequestSearch") VALUES ('rebuild');
