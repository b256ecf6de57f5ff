-- "My tasks" lists the requests that await action by days left before the effective date (the
-- nearest first; a draft without one last), then by how long the task has waited (issue 13).
-- A partial index on that order, which Prisma's schema cannot describe; it replaces the index
-- on the waiting time alone.
DROP INDEX "Request_awaiting_task_idx";
CREATE INDEX "Request_awaiting_due_idx" ON "Request"(COALESCE("effectiveDate", '9999-12-31'), "taskSince", "id") WHERE "awaitsAction";
