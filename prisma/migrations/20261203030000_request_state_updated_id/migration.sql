-- DropIndex
DROP INDEX "Request_state_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Request_state_updatedAt_id_idx" ON "Request"("state", "updatedAt", "id");

