-- CreateTable
CREATE TABLE "StaffingBaselineHour" (
    "weekday" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "calls" REAL NOT NULL,
    "agents" INTEGER NOT NULL,

    PRIMARY KEY ("weekday", "hour")
);

-- CreateTable
CREATE TABLE "StaffingBaselineTarget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "handleTimeSeconds" INTEGER NOT NULL,
    "targetServiceLevel" REAL NOT NULL,
    "targetAnswerSeconds" INTEGER NOT NULL,
    "nextDigestOn" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

