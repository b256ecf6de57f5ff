// Invitations (issue 5): an admin creates an account and gets a single-use link for the
// person to choose a first password. The token (256 bits, derived from the invitation's id:
// invitationToken.server.ts) is stored only as its SHA-256 hash, and a link works once, for
// INVITATION_DAYS days.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { newPasswordProblem } from "~/auth/password-check.server";
import { hashPassword, type ScryptParams } from "~/auth/password.server";
import { hashToken } from "~/security/tokenHash.server";
import { getSettings } from "~/settings.server";
import { invitationToken } from "./invitationToken.server";

export const INVITATION_DAYS = 7;

/** A new link for the user; any earlier unused link stops working. */
export async function createInvitation(
  tx: Prisma.TransactionClient,
  /** byId: the administrator, or null for a command run on the server. */
  input: { userId: string; byId: string | null; now: Date; sessionSecret: string },
): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = invitationToken(id, input.sessionSecret);
  await tx.invitation.deleteMany({ where: { userId: input.userId, usedAt: null } });
  await tx.invitation.create({
    data: {
      id,
      userId: input.userId,
      tokenHash: hashToken(token),
      createdById: input.byId ?? "command line",
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + INVITATION_DAYS * 86_400_000),
    },
  });
  return { id, token };
}

/**
 * The invitation e-mail, queued in the inviting transaction (R16); the dispatcher sends it.
 * It names the invitation, not its link: the dispatcher derives the link as it sends.
 */
export async function queueInvitationEmail(
  tx: Prisma.TransactionClient,
  input: { to: { email: string; name: string }; invitationId: string },
): Promise<void> {
  // LOCAL_SIGN_IN=off (issue 18): the e-mail asks the person to sign in at the provider, not to choose a password.
  const choosesPassword = getSettings().localSignIn;
  await tx.outboxMessage.create({
    data: {
      template: "invitation",
      recipients: JSON.stringify([input.to]),
      data: JSON.stringify({ name: input.to.name, invitationId: input.invitationId, choosesPassword }),
    },
  });
}

/** The invited person, while the link is unused, unexpired and the account active. */
export async function openInvitation(db: PrismaClient, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, active: true } } },
  });
  if (!invitation || invitation.usedAt || invitation.expiresAt <= now || !invitation.user.active) return null;
  return { id: invitation.id, user: invitation.user };
}

export type AcceptResult = { ok: true; email: string } | { ok: false; field: "newPassword" | "form"; message: string };

/** Set the first password and use up the link, in one transaction; a second use finds it used. */
export async function acceptInvitation(
  db: PrismaClient,
  input: { token: string; password: string; now: Date },
  scryptParams?: ScryptParams,
): Promise<AcceptResult> {
  const invitation = await openInvitation(db, input.token, input.now);
  if (!invitation) return { ok: false, field: "form", message: "This invitation link has been used or has expired." };
  const problem = newPasswordProblem(input.password, { email: invitation.user.email, hasMfa: false });
  if (problem) return { ok: false, field: "newPassword", message: problem };
  const passwordHash = await hashPassword(input.password, scryptParams);
  const used = await db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: input.now } });
    if (claimed.count !== 1) return false;
    await tx.user.update({ where: { id: invitation.user.id }, data: { passwordHash, hasPassword: true } });
    await tx.session.deleteMany({ where: { userId: invitation.user.id } });
    return true;
  });
  return used ? { ok: true, email: invitation.user.email } : { ok: false, field: "form", message: "This invitation link has been used or has expired." };
}
