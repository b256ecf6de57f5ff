-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastSignInAt" TIMESTAMP(3),
ADD COLUMN     "lastSignInMethod" TEXT,
ADD COLUMN     "oidcIssuer" TEXT,
ADD COLUMN     "oidcLinkedAt" TIMESTAMP(3),
ADD COLUMN     "oidcSubject" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "idToken" TEXT,
ADD COLUMN     "method" TEXT NOT NULL DEFAULT 'password',
ADD COLUMN     "providerMfa" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");

