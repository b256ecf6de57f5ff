-- Issue 16. "Awaits action" becomes a column the transition writes from the machine's decision
-- (a draft or an open request), so that "my tasks" and its partial index no longer list the
-- states: the list below is written once, to fill the column for the requests already stored.
ALTER TABLE "Request" ADD COLUMN "awaitsAction" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Request" SET "awaitsAction" = true
  WHERE "state" IN ('draft', 'screening', 'analysis', 'feeAssessment', 'feeAcceptance', 'decision', 'changesRequested');

-- "My tasks" reads the requests that await action in task order from this partial index, which
-- Prisma's schema cannot describe: this migration is its only definition.
DROP INDEX "Request_open_task_idx";
CREATE INDEX "Request_awaiting_task_idx" ON "Request"("taskSince", "id") WHERE "awaitsAction";

-- R19: the county's holidays.
CREATE TABLE "Holiday" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "observed" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
