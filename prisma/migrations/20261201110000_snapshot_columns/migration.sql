-- AlterTable
ALTER TABLE "Request" ADD COLUMN "analysisAt" DATETIME;
ALTER TABLE "Request" ADD COLUMN "feeAccountCode" TEXT;
ALTER TABLE "Request" ADD COLUMN "feeAmountCents" INTEGER;
ALTER TABLE "Request" ADD COLUMN "feeAssessedAt" DATETIME;
ALTER TABLE "Request" ADD COLUMN "feeScheduleVersion" INTEGER;
ALTER TABLE "Request" ADD COLUMN "feeStatus" TEXT;
ALTER TABLE "Request" ADD COLUMN "feeSuggestedCents" INTEGER;

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "AnalysisDay" (
    "analysisId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "calls" REAL NOT NULL,

    PRIMARY KEY ("analysisId", "date"),
    CONSTRAINT "AnalysisDay_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);


-- The columns start as the snapshots hold them (the last time SQL reads a snapshot): instants in
-- the adapter's "…+00:00" form, money in cents.
UPDATE "Request" SET
  "feeStatus" = "snapshot" ->> '$.context.fee.status',
  "feeAmountCents" = CAST(round(("snapshot" ->> '$.context.fee.amount') * 100) AS INTEGER),
  "feeSuggestedCents" = CAST(round(("snapshot" ->> '$.context.fee.suggested') * 100) AS INTEGER),
  "feeScheduleVersion" = "snapshot" ->> '$.context.fee.scheduleVersion',
  "feeAccountCode" = "snapshot" ->> '$.context.fee.accountCode',
  "feeAssessedAt" = replace("snapshot" ->> '$.context.fee.at', 'Z', '+00:00')
WHERE "snapshot" ->> '$.context.fee' IS NOT NULL;
UPDATE "Request" SET "analysisAt" = replace("snapshot" ->> '$.context.analysis.at', 'Z', '+00:00')
WHERE "snapshot" ->> '$.context.analysis' IS NOT NULL;
INSERT INTO "AnalysisDay" ("analysisId", "date", "calls")
  SELECT a.id, day.value ->> 'date', day.value ->> 'calls' FROM "Analysis" a, json_each(a.outputs, '$.daily') AS day;
INSERT INTO "DataVersion" ("id", "version") VALUES (1, COALESCE((SELECT max(id) FROM "AuditEntry"), 0));
