-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "departmentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "mfaSecret" TEXT,
    "mfaEnabledAt" DATETIME,
    "mfaLastStep" INTEGER,
    "oidcIssuer" TEXT,
    "oidcSubject" TEXT,
    "oidcLinkedAt" DATETIME,
    "hasPassword" BOOLEAN NOT NULL DEFAULT true,
    "lastSignInMethod" TEXT,
    "lastSignInAt" DATETIME,
    CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("active", "createdAt", "departmentId", "email", "id", "lastSignInAt", "lastSignInMethod", "mfaEnabledAt", "mfaLastStep", "mfaSecret", "name", "oidcIssuer", "oidcLinkedAt", "oidcSubject", "passwordHash", "updatedAt") SELECT "active", "createdAt", "departmentId", "email", "id", "lastSignInAt", "lastSignInMethod", "mfaEnabledAt", "mfaLastStep", "mfaSecret", "name", "oidcIssuer", "oidcLinkedAt", "oidcSubject", "passwordHash", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");
CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Invited accounts whose link was never used to choose a password have none of their own: a link
-- spent by a single sign-on claim (at the moment of linking) chose no password.
UPDATE "User" SET "hasPassword" = false
WHERE EXISTS (SELECT 1 FROM "Invitation" i WHERE i."userId" = "User"."id")
  AND NOT EXISTS (
    SELECT 1 FROM "Invitation" i
    WHERE i."userId" = "User"."id" AND i."usedAt" IS NOT NULL
      AND ("User"."oidcLinkedAt" IS NULL OR i."usedAt" <> "User"."oidcLinkedAt")
  );
