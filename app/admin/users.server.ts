// People and their access (issue 5): invite, department and roles, deactivate. Changes are
// audited with who and when. A deactivated person cannot sign in; their requests, comments
// and audit entries stay as they were.
import { randomBytes } from "node:crypto";
import { deactivateUser } from "~/auth/accounts.server";
import { hashPassword, type ScryptParams } from "~/auth/password.server";
import type { CurrentUser } from "~/auth/session.server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { ROLE_LABELS, type Role } from "workflows";
import { auditAdmin, type AdminActor } from "./adminAudit.server";
import { createInvitation, queueInvitationEmail } from "./invitations.server";
import { invitationPath } from "./invitationToken.server";
import type { AccessForm, InviteForm } from "./userForms";

export async function listUsers(db: PrismaClient) {
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      department: { select: { name: true } },
      roles: { select: { role: true, acting: true, startsOn: true, endsOn: true } },
      invitations: { select: { usedAt: true, expiresAt: true } },
      hasPassword: true,
      oidcSubject: true,
    },
  });
}

/**
 * How a person can sign in (issue 18): their own password (only while LOCAL_SIGN_IN is on), a
 * linked single sign-on identity, both, or neither yet (invited, or to be linked at a first
 * single sign-on).
 */
export function signInMethod(user: { hasPassword: boolean; oidcSubject: string | null }, localSignIn: boolean): string {
  const password = user.hasPassword && localSignIn;
  const linked = user.oidcSubject !== null;
  if (password && linked) return "Password and single sign-on";
  if (password) return "Password";
  return linked ? "Single sign-on" : "None yet";
}

export type AccountStatus = "Active" | "Deactivated" | "Invited" | "Invitation expired";

/**
 * Where an account stands: invited people have no password of their own until they use their
 * link, so they are not yet "Active". Accounts made without an invitation (the seed) are active.
 */
export function accountStatus(
  user: { active: boolean; invitations: Array<{ usedAt: Date | null; expiresAt: Date }> },
  now: Date,
): AccountStatus {
  if (!user.active) return "Deactivated";
  if (user.invitations.length === 0 || user.invitations.some((i) => i.usedAt !== null)) return "Active";
  return user.invitations.some((i) => i.expiresAt > now) ? "Invited" : "Invitation expired";
}

export async function findUserForAdmin(db: PrismaClient, id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      departmentId: true,
      oidcIssuer: true,
      oidcSubject: true,
      oidcLinkedAt: true,
      hasPassword: true,
      lastSignInMethod: true,
      lastSignInAt: true,
      roles: { orderBy: { createdAt: "asc" } },
      invitations: { select: { usedAt: true, expiresAt: true } },
    },
  });
  if (!user) throw new Response("Not found", { status: 404 });
  return user;
}

const roleList = (roles: readonly string[]) =>
  roles.length === 0 ? "no roles" : roles.map((r) => ROLE_LABELS[r as Role] ?? r).join(", ");

async function departmentName(db: PrismaClient, id: string | null): Promise<string> {
  if (id === null) return "no department";
  const department = await db.department.findUnique({ where: { id }, select: { name: true } });
  if (!department) throw new Response("Choose a department from the list", { status: 400 });
  return department.name;
}

export type InviteResult = { ok: true; userId: string; link: string } | { ok: false; field: "email"; message: string };

/**
 * Create the account with a random password nobody knows (so it cannot be signed in to until
 * the person uses the link) and return the invitation link.
 */
export async function inviteUser(
  db: PrismaClient,
  input: { by: AdminActor; values: InviteForm; now: Date; appUrl: string; sessionSecret: string; event?: string },
  scryptParams?: ScryptParams,
): Promise<InviteResult> {
  const { values } = input;
  if (await db.user.findUnique({ where: { email: values.email }, select: { id: true } })) {
    return { ok: false, field: "email", message: "Someone already has an account with this e-mail address" };
  }
  const department = await departmentName(db, values.departmentId);
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"), scryptParams);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: values.email,
        name: values.name,
        passwordHash,
        hasPassword: false,
        departmentId: values.departmentId,
        roles: { create: values.roles.map((role) => ({ role, acting: false })) },
      },
    });
    const invitation = await createInvitation(tx, { userId: user.id, byId: input.by.id, now: input.now, sessionSecret: input.sessionSecret });
    await auditAdmin(tx, {
      by: input.by,
      event: input.event ?? "USER_INVITED",
      comment: `${values.name} <${values.email}>, ${department}: ${roleList(values.roles)}`,
      at: input.now,
    });
    const link = `${input.appUrl}${invitationPath(invitation.token)}`;
    await queueInvitationEmail(tx, { to: { email: user.email, name: user.name }, invitationId: invitation.id });
    return { ok: true as const, userId: user.id, link };
  });
}

/** A new link for someone who has not used theirs yet (lost or expired). */
export async function reinviteUser(
  db: PrismaClient,
  input: { by: CurrentUser; userId: string; now: Date; appUrl: string; sessionSecret: string },
): Promise<string> {
  const user = await findUserForAdmin(db, input.userId);
  return db.$transaction(async (tx) => {
    const invitation = await createInvitation(tx, { userId: user.id, byId: input.by.id, now: input.now, sessionSecret: input.sessionSecret });
    await auditAdmin(tx, { by: input.by, event: "USER_REINVITED", comment: `${user.name} <${user.email}>`, at: input.now });
    const link = `${input.appUrl}${invitationPath(invitation.token)}`;
    await queueInvitationEmail(tx, { to: { email: user.email, name: user.name }, invitationId: invitation.id });
    return link;
  });
}

/** The person's substantive roles become these; acting appointments stay. */
async function replaceRoles(tx: Prisma.TransactionClient, userId: string, roles: readonly Role[]): Promise<void> {
  await tx.roleAssignment.deleteMany({ where: { userId, acting: false } });
  await tx.roleAssignment.createMany({ data: roles.map((role) => ({ userId, role, acting: false })) });
}

/**
 * OIDC_ROLE_CLAIM (issue 18): at each single sign-on the substantive roles become those the
 * provider's groups give; acting appointments and the department stay the portal's. Audited
 * when they change, by the portal on the provider's word. True when they changed.
 */
export async function setRolesFromProvider(
  db: PrismaClient,
  input: { userId: string; roles: readonly Role[]; issuer: string; claim: string; now: Date },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: { name: true, email: true, roles: { where: { acting: false }, select: { role: true } } },
    });
    const before = user.roles.map((r) => r.role);
    if (before.length === input.roles.length && input.roles.every((r) => before.includes(r))) return false;
    await replaceRoles(tx, input.userId, input.roles);
    await auditAdmin(tx, {
      by: { id: null, name: `single sign-on (${input.issuer})` },
      event: "SSO_ROLES_SET",
      comment: `${user.name} <${user.email}>: roles from the provider's "${input.claim}" claim: ${roleList(before)} → ${roleList(input.roles)}`,
      at: input.now,
    });
    return true;
  });
}

export type AccessResult = { ok: true } | { ok: false; field: "roles" | "form"; message: string };

/** Replace the person's department and substantive roles; acting appointments stay. */
export async function updateAccess(
  db: PrismaClient,
  input: { by: CurrentUser; userId: string; values: AccessForm; now: Date },
): Promise<AccessResult> {
  const user = await findUserForAdmin(db, input.userId);
  const { values } = input;
  // An admin removing their own admin role could leave the portal with nobody to administer it.
  if (user.id === input.by.id && !values.roles.includes("admin")) {
    return { ok: false, field: "roles", message: "You cannot remove your own administrator role" };
  }
  const before = user.roles.filter((r) => !r.acting).map((r) => r.role);
  const [fromDepartment, toDepartment] = await Promise.all([
    departmentName(db, user.departmentId),
    departmentName(db, values.departmentId),
  ]);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { departmentId: values.departmentId } });
    await replaceRoles(tx, user.id, values.roles);
    await auditAdmin(tx, {
      by: input.by,
      event: "USER_ACCESS_CHANGED",
      comment: `${user.name}: ${fromDepartment}, ${roleList(before)} → ${toDepartment}, ${roleList(values.roles)}`,
      at: input.now,
    });
  });
  return { ok: true };
}

/** Deactivate: no more sign-in, every session ended at once; history stays. */
export async function deactivate(
  db: PrismaClient,
  input: { by: CurrentUser; userId: string; now: Date },
): Promise<AccessResult> {
  const user = await findUserForAdmin(db, input.userId);
  if (user.id === input.by.id) return { ok: false, field: "form", message: "You cannot deactivate your own account" };
  await deactivateUser(db, user.id);
  await db.$transaction(async (tx) => {
    await auditAdmin(tx, { by: input.by, event: "USER_DEACTIVATED", comment: `${user.name} <${user.email}>`, at: input.now });
  });
  return { ok: true };
}
