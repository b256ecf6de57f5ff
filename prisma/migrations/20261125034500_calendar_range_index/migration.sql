-- DropIndex
DROP INDEX "Request_effectiveDate_idx";

-- CreateIndex
CREATE INDEX "Request_effectiveDate_endDate_state_idx" ON "Request"("effectiveDate", "endDate", "state");

