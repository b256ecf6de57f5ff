-- CreateIndex
CREATE INDEX "ActualCalls_date_idx" ON "ActualCalls"("date");

