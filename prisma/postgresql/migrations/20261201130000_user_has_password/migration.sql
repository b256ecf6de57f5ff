-- AlterTable
ALTER TABLE "User" ADD COLUMN     "hasPassword" BOOLEAN NOT NULL DEFAULT true;


-- Invited accounts whose link was never used to choose a password have none of their own: a link
-- spent by a single sign-on claim (at the moment of linking) chose no password.
UPDATE "User" SET "hasPassword" = false
WHERE EXISTS (SELECT 1 FROM "Invitation" i WHERE i."userId" = "User"."id")
  AND NOT EXISTS (
    SELECT 1 FROM "Invitation" i
    WHERE i."userId" = "User"."id" AND i."usedAt" IS NOT NULL
      AND ("User"."oidcLinkedAt" IS NULL OR i."usedAt" <> "User"."oidcLinkedAt")
  );
