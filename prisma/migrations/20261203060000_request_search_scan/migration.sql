-- SQLite only. A word in many requests is searched by reading the list in its order (newest change
-- first) until a page of matches is found (app/requests/search.server.ts). Through the
-- (updatedAt, id) index, each row read is a seek into the table, where the rows lie in the order
-- they were made: at 100 000 requests a common word read some 900 table pages, about 1 ms a
-- search. This index holds what the search reads, in the list's order, so the table is read only
-- for the page's matches. PostgreSQL searches through its trigram indexes, and its planner chooses.
CREATE INDEX "Request_search_scan_idx" ON "Request"("updatedAt", "id", "firstSubmittedOn", "title", "reference", "description");
