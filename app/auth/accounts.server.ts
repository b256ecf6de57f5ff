// Account changes that must end every session: deactivation and a new password.
import type { PrismaClient } from "../db.server";
import { newPasswordProblem } from "./password-check.server";
import { hashPassword, verifyPassword, type ScryptParams } from "./password.server";

/** Deactivate an account and end all its sessions at once (one transaction). */
export async function deactivateUser(db: PrismaClient, userId: string): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { active: false } }),
    db.session.deleteMany({ where: { userId } }),
  ]);
}

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; field: "currentPassword" | "newPassword"; message: string };

/**
 * Change a password: the current one must be right and the new one must pass the
 * NIST rules. On success every session of the user ends (in the same transaction);
 * the caller starts a fresh one for the person who made the change.
 */
export async function changePassword(
  db: PrismaClient,
  input: { userId: string; currentPassword: string; newPassword: string },
  scryptParams?: ScryptParams,
): Promise<ChangePasswordResult> {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { email: true, passwordHash: true, active: true, mfaSecret: true, mfaEnabledAt: true },
  });
  if (!user || !user.active || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    return { ok: false, field: "currentPassword", message: "Your current password is not right" };
  }
  const problem = newPasswordProblem(input.newPassword, {
    email: user.email,
    hasMfa: user.mfaSecret !== null && user.mfaEnabledAt !== null,
  });
  if (problem) return { ok: false, field: "newPassword", message: problem };
  if (input.newPassword === input.currentPassword) {
    return { ok: false, field: "newPassword", message: "Choose a password different from your current one" };
  }
  const passwordHash = await hashPassword(input.newPassword, scryptParams);
  await db.$transaction([
    db.user.update({ where: { id: input.userId }, data: { passwordHash, hasPassword: true } }),
    db.session.deleteMany({ where: { userId: input.userId } }),
  ]);
  return { ok: true };
}
