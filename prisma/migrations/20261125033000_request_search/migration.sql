-- Search on request title and reference (issue 8): an FTS5 index with the trigram tokenizer,
-- which answers substring matches ("heato" finds "Wheaton") from the index instead of reading
-- every row as LIKE '%…%' must. It indexes the Request table's own text (external content,
-- keyed by rowid) and triggers keep it in step. Prisma's schema does not describe virtual
-- tables; this migration is their only definition. Request has no INTEGER PRIMARY KEY, so a
-- VACUUM may renumber rowids: `npm start` rebuilds the index each time (about 1 s at 100 000).
CREATE VIRTUAL TABLE "RequestSearch" USING fts5(title, reference, content='Request', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "RequestSearch_insert" AFTER INSERT ON "Request" BEGIN
  INSERT INTO "RequestSearch"(rowid, title, reference) VALUES (new.rowid, new.title, new.reference);
END;

CREATE TRIGGER "RequestSearch_delete" AFTER DELETE ON "Request" BEGIN
  INSERT INTO "RequestSearch"("RequestSearch", rowid, title, reference) VALUES ('delete', old.rowid, old.title, old.reference);
END;

CREATE TRIGGER "RequestSearch_update" AFTER UPDATE OF title, reference ON "Request" BEGIN
  INSERT INTO "RequestSearch"("RequestSearch", rowid, title, reference) VALUES ('delete', old.rowid, old.title, old.reference);
  INSERT INTO "RequestSearch"(rowid, title, reference) VALUES (new.rowid, new.title, new.reference);
END;

INSERT INTO "RequestSearch"("RequestSearch") VALUES ('rebuild');
