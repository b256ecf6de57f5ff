-- CreateIndex
CREATE INDEX "Request_reachedFeeAssessment_idx" ON "Request"("reachedFeeAssessment");

