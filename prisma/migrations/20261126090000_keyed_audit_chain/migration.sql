-- Issue 15: the audit chain keyed with AUDIT_KEY and anchored at each chain's head.
-- Written by hand as ADD COLUMNs: the generated script rebuilt "Request" and "Comment", which
-- would drop the request search triggers and the open-task partial index defined in earlier
-- migrations. Entries and requests from before this migration are sealed by `npm start`
-- (or `npm run audit:rekey`), which checks the old plain SHA-256 chain first.

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "keyId" TEXT;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN "auditHead" TEXT;
ALTER TABLE "Request" ADD COLUMN "auditCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Request" ADD COLUMN "auditSeal" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "auditEntryId" INTEGER REFERENCES "AuditEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "Comment_auditEntryId_key" ON "Comment"("auditEntryId");

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chain" TEXT NOT NULL PRIMARY KEY,
    "head" TEXT,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "seal" TEXT
);

-- The portal chain's head row: every append to that chain updates it.
INSERT INTO "AuditChainHead" ("chain", "entries") VALUES ('portal', 0);
