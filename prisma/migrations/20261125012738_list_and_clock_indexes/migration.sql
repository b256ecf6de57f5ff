-- DropIndex
DROP INDEX "Request_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Request_departmentId_updatedAt_id_idx" ON "Request"("departmentId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Request_updatedAt_id_idx" ON "Request"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Request_state_taskSince_id_idx" ON "Request"("state", "taskSince", "id");

-- CreateIndex
CREATE INDEX "Request_lapseOn_idx" ON "Request"("lapseOn");

-- CreateIndex
CREATE INDEX "Request_completeOn_idx" ON "Request"("completeOn");

-- CreateIndex
CREATE INDEX "Request_nextReminderAt_idx" ON "Request"("nextReminderAt");

