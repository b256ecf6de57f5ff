// Which portal account a person signed in at the provider is (issue 18). Accounts are linked by
// the provider's stable subject (iss + sub), never found by e-mail alone: the e-mail serves once,
// to claim an account (an invitation or an older password account) that has no subject yet, and
// only when the provider says the address is verified. Nobody gets an account by signing in:
// roles are the portal's, given by an administrator.
import type { PrismaClient } from "~/generated/prisma/client";
import { appendAudit } from "~/requests/audit.server";
import type { ProviderIdentity } from "./provider.server";

export type AccountMatch =
  | { kind: "linked"; userId: string }
  | { kind: "claimed"; userId: string }
  /** No account for this subject, and none without a subject for a verified e-mail. */
  | { kind: "unknown" }
  | { kind: "inactive" }
  /** The e-mail's account is linked to another subject already. */
  | { kind: "linkedElsewhere" };

type Identity = Pick<ProviderIdentity, "issuer" | "subject" | "email" | "emailVerified">;

export async function matchAccount(db: PrismaClient, identity: Identity, now: Date): Promise<AccountMatch> {
  const bySubject = await db.user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: identity.issuer, oidcSubject: identity.subject } },
    select: { id: true, active: true },
  });
  if (bySubject) return bySubject.active ? { kind: "linked", userId: bySubject.id } : { kind: "inactive" };
  if (!identity.email || !identity.emailVerified) return { kind: "unknown" };

  const byEmail = await db.user.findUnique({
    where: { email: identity.email },
    select: { id: true, name: true, email: true, active: true, oidcSubject: true },
  });
  if (!byEmail) return { kind: "unknown" };
  if (!byEmail.active) return { kind: "inactive" };
  if (byEmail.oidcSubject !== null) return { kind: "linkedElsewhere" };

  return db.$transaction(async (tx) => {
    // Only while still unlinked: of two sign-ins racing to claim the account, one wins.
    const { count } = await tx.user.updateMany({
      where: { id: byEmail.id, oidcSubject: null },
      data: { oidcIssuer: identity.issuer, oidcSubject: identity.subject, oidcLinkedAt: now },
    });
    if (count === 0) return { kind: "linkedElsewhere" } as const;
    // The invitation is spent: its password link must not open the account any more.
    await tx.invitation.updateMany({ where: { userId: byEmail.id, usedAt: null }, data: { usedAt: now } });
    await appendAudit(tx, {
      requestId: null,
      actorId: byEmail.id,
      actorName: byEmail.name,
      role: null,
      acting: false,
      event: "SSO_LINKED",
      fromState: null,
      toState: null,
      comment: `${byEmail.name} <${byEmail.email}> claimed the account at ${identity.issuer}, subject ${identity.subject}`,
      at: now,
    });
    return { kind: "claimed", userId: byEmail.id } as const;
  });
}

/** An administrator unlinks the subject: the next provider sign-in must claim the account again by e-mail. */
export async function unlinkSubject(
  db: PrismaClient,
  input: { by: { id: string; name: string }; userId: string; now: Date },
): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, email: true, oidcIssuer: true, oidcSubject: true } });
  if (!user || user.oidcSubject === null) return false;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { oidcIssuer: null, oidcSubject: null, oidcLinkedAt: null } });
    // Sessions begun with that identity end with the link.
    await tx.session.deleteMany({ where: { userId: user.id, method: "oidc" } });
    await appendAudit(tx, {
      requestId: null,
      actorId: input.by.id,
      actorName: input.by.name,
      role: "admin",
      acting: false,
      event: "SSO_UNLINKED",
      fromState: null,
      toState: null,
      comment: `${user.name} <${user.email}>: unlinked from ${user.oidcIssuer}, subject ${user.oidcSubject}`,
      at: input.now,
    });
  });
  return true;
}
