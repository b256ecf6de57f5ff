-- "My tasks" reads the requests that await action in task order from this partial index, which
-- Prisma's schema cannot describe (the SQLite migration 20261201090000 has its twin).
CREATE INDEX "Request_awaiting_task_idx" ON "Request"("taskSince", "id") WHERE "awaitsAction";
