-- "My tasks" (issue 8): the open requests, oldest task first, read in index order so a page
-- stops after its rows instead of sorting every open request with its snapshot. A partial
-- index holds only the open requests; Prisma's schema cannot describe one, so this migration
-- is its only definition. The state list must equal TASK_STATES in app/requests/queries.server.ts:
-- the query names the index (INDEXED BY), and SQLite refuses it if the lists differ.
-- DropIndex
DROP INDEX "Request_state_taskSince_id_idx";

-- CreateIndex
CREATE INDEX "Request_open_task_idx" ON "Request"("taskSince", "id")
  WHERE "state" IN ('draft', 'screening', 'analysis', 'feeAssessment', 'feeAcceptance', 'decision', 'changesRequested');
