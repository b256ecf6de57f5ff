-- Single sign-on (issue 18): the provider's subject on the account, how each session began.
-- Written as ADD COLUMNs (not Prisma's copy of the Session table), which keep whatever other
-- columns Session has.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastSignInAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "lastSignInMethod" TEXT;
ALTER TABLE "User" ADD COLUMN "oidcIssuer" TEXT;
ALTER TABLE "User" ADD COLUMN "oidcLinkedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "oidcSubject" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "method" TEXT NOT NULL DEFAULT 'password';
ALTER TABLE "Session" ADD COLUMN "providerMfa" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Session" ADD COLUMN "idToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");
