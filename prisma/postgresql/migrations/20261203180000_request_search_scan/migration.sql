-- PostgreSQL's counterpart of SQLite's index of the same name (migrations/…_request_search_scan).
-- A word in many requests is found by reading the list in its order (newest change first) until a
-- page of matches is found. Through the (updatedAt, id) index each row tested was a read of the
-- table, where rows lie in the order they were made: at 100 000 requests a common word read some
-- 900 table pages, 1.3–3.7 ms a search. This index holds the search column beside the list's order,
-- so the page's ids come from an index-only scan (app/requests/search.server.ts) and the table is
-- read for those rows alone: 0.36–0.48 ms. A rare word still goes through the trigram index: the
-- planner chooses from the column's statistics.
CREATE INDEX "Request_search_scan_idx" ON "Request" ("updatedAt", "id") INCLUDE ("firstSubmittedOn", "searchText");
