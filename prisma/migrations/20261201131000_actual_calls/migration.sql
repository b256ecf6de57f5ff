-- CreateTable
CREATE TABLE "CallSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "mapping" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CallUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CallUpload_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "CallSource" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "importedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CallImport_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "CallSource" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActualCalls" (
    "sourceId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "interval" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "offered" INTEGER NOT NULL,
    "answered" INTEGER,
    "abandoned" INTEGER,
    "handleSeconds" REAL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,

    PRIMARY KEY ("sourceId", "date", "interval", "queue"),
    CONSTRAINT "ActualCalls_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "CallSource" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestQueue" (
    "requestId" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("requestId", "queue"),
    CONSTRAINT "RequestQueue_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CallSource_name_key" ON "CallSource"("name");

-- CreateIndex
CREATE INDEX "CallUpload_sourceId_idx" ON "CallUpload"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "CallImport_sourceId_sha256_key" ON "CallImport"("sourceId", "sha256");

-- CreateIndex
CREATE INDEX "ActualCalls_queue_date_idx" ON "ActualCalls"("queue", "date");

-- CreateIndex
CREATE INDEX "RequestQueue_queue_idx" ON "RequestQueue"("queue");

