-- AlterTable
ALTER TABLE "Analysis" ADD COLUMN     "calibration" TEXT,
ADD COLUMN     "calibrationFactor" DOUBLE PRECISION NOT NULL DEFAULT 1;

