-- CreateTable
CREATE TABLE "StaffingBaselineHour" (
    "weekday" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "calls" DOUBLE PRECISION NOT NULL,
    "agents" INTEGER NOT NULL,

    CONSTRAINT "StaffingBaselineHour_pkey" PRIMARY KEY ("weekday","hour")
);

-- CreateTable
CREATE TABLE "StaffingBaselineTarget" (
    "id" INTEGER NOT NULL,
    "handleTimeSeconds" INTEGER NOT NULL,
    "targetServiceLevel" DOUBLE PRECISION NOT NULL,
    "targetAnswerSeconds" INTEGER NOT NULL,
    "nextDigestOn" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffingBaselineTarget_pkey" PRIMARY KEY ("id")
);

