-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "analysisAt" TIMESTAMP(3),
ADD COLUMN     "feeAccountCode" TEXT,
ADD COLUMN     "feeAmountCents" INTEGER,
ADD COLUMN     "feeAssessedAt" TIMESTAMP(3),
ADD COLUMN     "feeScheduleVersion" INTEGER,
ADD COLUMN     "feeStatus" TEXT,
ADD COLUMN     "feeSuggestedCents" INTEGER;

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalysisDay" (
    "analysisId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "calls" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "AnalysisDay_pkey" PRIMARY KEY ("analysisId","date")
);

-- AddForeignKey
ALTER TABLE "AnalysisDay" ADD CONSTRAINT "AnalysisDay_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The one row of each: the data version (dataVersionMemo.server.ts) and the portal audit
-- chain's head, which the first migration left out (SQLite's 20261126090000 makes it).
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);
INSERT INTO "AuditChainHead" ("chain", "entries") VALUES ('portal', 0);
