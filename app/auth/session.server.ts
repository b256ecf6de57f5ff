// Server-side sessions (table Session). The cookie carries only a random 32-byte id,
// signed with SESSION_SECRET; the row is keyed by the id's SHA-256, so a copy of the database
// holds no id that signs anyone in (issue 15, item 5). Idle expiry: SESSION_IDLE_MINUTES;
// absolute expiry: 12 h.
// A Session row is made only once every factor the account needs was passed (see
// sign-in-flow.server.ts), so "has a valid session" means "fully signed in". Enrolling
// MFA ends the user's other sessions; they were made with the password alone.
import { redirect, type Cookie } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { localDate, rolesInForce, type Role, type RoleAssignment } from "workflows";
import { getDb, type PrismaClient } from "../db.server";
import { readRows } from "../db/rawReads.server";
import { Prisma } from "../generated/prisma/client";
import { perSettings, type Settings } from "../settings.server";
import { mfaRequiredFor } from "./mfa.server";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { appendAudit } from "../requests/audit.server";
import { hashToken } from "../security/tokenHash.server";
import { portalCookie } from "./cookies.server";
import { safeRedirectTo } from "./redirectTarget";
import { oncePerRequest } from "../http/requestScope.server";

export const ABSOLUTE_SESSION_HOURS = 12;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface CurrentRole {
  role: Role;
  acting: boolean;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  departmentId: string | null;
  department: { id: string; name: string; code: string; partnerSince: string | null } | null;
  /** Roles held now: non-acting always; acting only within startsOn..endsOn (local dates, inclusive). */
  roles: CurrentRole[];
  /** The account has a second factor (TOTP) enrolled. */
  mfaEnabled: boolean;
  /** A role held now needs a second factor (director, assistant director, finance, admin). */
  mfaRequired: boolean;
}

/** What a signed-in person is made from: the account, its department and its role assignments. */
interface AccountRow {
  id: string;
  email: string;
  name: string;
  active: boolean;
  departmentId: string | null;
  mfaSecret: string | null;
  mfaEnabledAt: Date | null;
  department: { id: string; name: string; code: string; partnerSince: string | null } | null;
  roles: RoleAssignment[];
}

function toCurrentUser(user: AccountRow, now: Date, timeZone: string): CurrentUser | null {
  if (!user.active) return null;
  const roles = rolesInForce(user.roles, localDate(now, timeZone));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    departmentId: user.departmentId,
    department: user.department,
    roles,
    mfaEnabled: user.mfaSecret !== null && user.mfaEnabledAt !== null,
    mfaRequired: mfaRequiredFor(roles),
  };
}

/** A user as a signed-in session sees them on `now`: roles in force that day (R3); null when inactive. */
export async function loadCurrentUser(
  db: PrismaClient,
  userId: string,
  now: Date,
  timeZone: string,
): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { department: { select: { id: true, name: true, code: true, partnerSince: true } }, roles: true },
  });
  return user ? toCurrentUser(user, now, timeZone) : null;
}

interface SessionAccountRow {
  userId: string;
  expiresAt: string | Date;
  lastSeenAt: string | Date;
  email: string;
  name: string;
  active: number | boolean;
  departmentId: string | null;
  mfaSecret: string | null;
  mfaEnabledAt: string | Date | null;
  departmentName: string | null;
  departmentCode: string | null;
  partnerSince: string | null;
  role: string | null;
  acting: number | boolean | null;
  startsOn: string | null;
  endsOn: string | null;
  providerMfa: number | boolean;
}

/** How a session was begun (issue 18): with the password, or at the county's provider. */
export interface SignInHow {
  method: "password" | "oidc";
  /** The portal's code (or a recovery code, or enrolment), or the provider's own MFA. */
  secondFactor?: "portal code" | "provider";
  /** The provider's ID token, for id_token_hint at sign-out. */
  idToken?: string;
}

/** The audit entry's words for a sign-in. */
function signInComment(user: { name: string; email: string; oidcIssuer: string | null; oidcSubject: string | null }, how: SignInHow): string {
  const with_ = how.method === "oidc" ? `single sign-on at ${user.oidcIssuer} (subject ${user.oidcSubject})` : "the portal password";
  const factor =
    how.secondFactor === "provider" ? "the provider's MFA" : how.secondFactor === "portal code" ? "the portal's code" : "none";
  return `${user.name} <${user.email}> signed in with ${with_}; second factor: ${factor}`;
}

/**
 * A session with its person, in one query: every page asks, so this is the portal's hottest
 * read (several ORM queries cost about 8 times as much). One row per role assignment.
 */
async function readSessionAccount(db: PrismaClient, sessionId: string) {
  const rows = await readRows<SessionAccountRow>(db, Prisma.sql`
    SELECT s."userId", s."expiresAt", s."lastSeenAt", s."providerMfa", u.email, u.name, u.active, u."departmentId", u."mfaSecret",
           u."mfaEnabledAt", d.name AS "departmentName", d.code AS "departmentCode", d."partnerSince",
           r.role, r.acting, r."startsOn", r."endsOn"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Department" d ON d.id = u."departmentId"
    LEFT JOIN "RoleAssignment" r ON r."userId" = u.id
    WHERE s.id = ${sessionId}`, { prepared: true });
  if (rows.length === 0) return null;
  const [first] = rows;
  const account: AccountRow = {
    id: first.userId,
    email: first.email,
    name: first.name,
    active: Boolean(first.active),
    departmentId: first.departmentId,
    mfaSecret: first.mfaSecret,
    mfaEnabledAt: first.mfaEnabledAt === null ? null : new Date(first.mfaEnabledAt),
    department:
      first.departmentId && first.departmentName && first.departmentCode
        ? { id: first.departmentId, name: first.departmentName, code: first.departmentCode, partnerSince: first.partnerSince }
        : null,
    roles: rows
      .filter((r) => r.role !== null)
      .map((r) => ({ role: r.role as string, acting: Boolean(r.acting), startsOn: r.startsOn, endsOn: r.endsOn })),
  };
  return { account, expiresAt: new Date(first.expiresAt), lastSeenAt: new Date(first.lastSeenAt), providerMfa: Boolean(first.providerMfa) };
}

/** The same, found by e-mail, for seeding, scripts and tests; throws when there is no active account. */
export async function currentUserByEmail(db: PrismaClient, email: string, now: Date, timeZone: string): Promise<CurrentUser> {
  const found = await db.user.findUnique({ where: { email }, select: { id: true } });
  const user = found ? await loadCurrentUser(db, found.id, now, timeZone) : null;
  if (!user) throw new Error(`No active account ${email}`);
  return user;
}

export function createSessionStore(options: { db: PrismaClient; settings: Settings }) {
  const { db, settings } = options;
  const cookie: Cookie = portalCookie("portal_session", settings, ABSOLUTE_SESSION_HOURS * 60 * 60);
  const idleMs = settings.sessionIdleMinutes * 60_000;

  /** The Session row's id for the request's cookie: the hash of the id the cookie carries. */
  async function readSessionId(request: Request): Promise<string | null> {
    const value: unknown = await cookie.parse(request.headers.get("Cookie"));
    return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? hashToken(value) : null;
  }

  const loadUser = (userId: string, now: Date) => loadCurrentUser(db, userId, now, settings.timeZone);

  /** Check e-mail and password. Null for unknown e-mail, wrong password or inactive user alike. */
  async function authenticate(email: string, password: string): Promise<CurrentUser | null> {
    const normalized = email.trim().toLowerCase();
    const user = normalized ? await db.user.findUnique({ where: { email: normalized } }) : null;
    if (!user) return verifyAgainstDummy(password).then(() => null);
    const ok = await verifyPassword(password, user.passwordHash);
    if (!ok || !user.active) return null;
    return loadUser(user.id, new Date());
  }

  /**
   * Start a new session (always a new id) and return its Set-Cookie header value. Ends any session
   * the request carried. `how` is given at sign-in: it is kept on the session and the account.
   */
  async function createSession(request: Request, userId: string, now = new Date(), how?: SignInHow): Promise<string> {
    const oldId = await readSessionId(request);
    if (oldId) await db.session.deleteMany({ where: { id: oldId } });
    const token = randomBytes(32).toString("base64url");
    const data = {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_SESSION_HOURS * 3_600_000),
    };
    if (!how) {
      await db.session.create({ data });
    } else {
      // A sign-in: the session says how it was begun, and so do the account and the audit trail.
      await db.$transaction(async (tx) => {
        await tx.session.create({
          data: { ...data, method: how.method, providerMfa: how.secondFactor === "provider", idToken: how.idToken ?? null },
        });
        const user = await tx.user.update({
          where: { id: userId },
          data: { lastSignInMethod: how.method, lastSignInAt: now },
          select: { name: true, email: true, oidcIssuer: true, oidcSubject: true },
        });
        await appendAudit(tx, {
          requestId: null,
          actorId: userId,
          actorName: user.name,
          role: null,
          acting: false,
          event: "SIGNED_IN",
          fromState: null,
          toState: null,
          comment: signInComment(user, how),
          at: now,
        });
      });
    }
    // Tidy: drop this user's expired sessions.
    await db.session.deleteMany({ where: { userId, expiresAt: { lt: now } } });
    return cookie.serialize(token);
  }

  /** Sign in: new session, then redirect (303) to a same-site path. */
  async function createUserSession(request: Request, userId: string, redirectTo: string, how: SignInHow = { method: "password" }): Promise<Response> {
    const setCookie = await createSession(request, userId, new Date(), how);
    return redirect(safeRedirectTo(redirectTo, settings.appUrl), { status: 303, headers: { "Set-Cookie": setCookie } });
  }

  /**
   * The signed-in user, or null when there is no valid, unexpired session. Touches lastSeenAt.
   * The root's loader and the page's both ask: a page request reads it once (http/requestScope.server.ts).
   */
  function getUser(request: Request, now?: Date): Promise<CurrentUser | null> {
    if (now) return readUser(request, now);
    return oncePerRequest(request, "user", () => readUser(request, new Date()));
  }

  async function readUser(request: Request, now: Date): Promise<CurrentUser | null> {
    const id = await readSessionId(request);
    if (!id) return null;
    const session = await readSessionAccount(db, id);
    if (!session) return null;
    if (session.expiresAt <= now || session.lastSeenAt.getTime() + idleMs <= now.getTime()) {
      await db.session.deleteMany({ where: { id } });
      return null;
    }
    const user = toCurrentUser(session.account, now, settings.timeZone);
    // A role that needs MFA on an account without it (say, a requester just appointed
    // acting director): this session was made without a second factor; sign in again. A
    // session whose second factor the provider vouched for needs no portal code.
    if (!user || (user.mfaRequired && !user.mfaEnabled && !session.providerMfa)) {
      await db.session.deleteMany({ where: { id } });
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await db.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
    }
    return user;
  }


  /** The signed-in user, or throw a redirect to /sign-in?redirectTo=<this path>. */
  async function requireUser(request: Request): Promise<CurrentUser> {
    const user = await getUser(request);
    if (user) return user;
    const url = new URL(request.url);
    const here = url.pathname + url.search;
    const params = new URLSearchParams();
    if (here !== "/") params.set("redirectTo", here);
    const query = params.toString();
    const headers = new Headers();
    // Clear a stale cookie, if any.
    if (request.headers.get("Cookie")?.includes(cookie.name)) {
      headers.append("Set-Cookie", await cookie.serialize("", { maxAge: 0 }));
    }
    throw redirect(`/sign-in${query ? `?${query}` : ""}`, { headers });
  }

  /**
   * Sign out: delete the session row. Returns the Set-Cookie value that clears the cookie, and
   * how the session was begun (null when there was none), so that a provider's session can be
   * ended too.
   */
  async function destroySession(request: Request): Promise<{ setCookie: string; ended: { method: string; idToken: string | null } | null }> {
    const id = await readSessionId(request);
    const ended = id ? await db.session.findUnique({ where: { id }, select: { method: true, idToken: true } }) : null;
    if (id) await db.session.deleteMany({ where: { id } });
    return { setCookie: await cookie.serialize("", { maxAge: 0 }), ended };
  }

  /**
   * End every session of the user (all devices). Call it when the account is deactivated,
   * its password changes or its second factor changes; then start a new session for the
   * person making the change, if they stay signed in.
   */
  async function endAllSessions(userId: string): Promise<number> {
    const { count } = await db.session.deleteMany({ where: { userId } });
    return count;
  }

  /** End every session of the user except the one this request carries (after enrolling MFA). */
  async function endOtherSessions(request: Request, userId: string): Promise<number> {
    const current = await readSessionId(request);
    const { count } = await db.session.deleteMany({ where: { userId, ...(current ? { id: { not: current } } : {}) } });
    return count;
  }

  return { cookie, authenticate, createSession, createUserSession, getUser, requireUser, destroySession, endAllSessions, endOtherSessions };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** The process's store, bound to the singleton database and settings. */
export const getSessionStore: () => SessionStore = perSettings((settings) => createSessionStore({ db: getDb(), settings }));

export const authenticate = (email: string, password: string) => getSessionStore().authenticate(email, password);
export const createUserSession = (request: Request, userId: string, redirectTo: string, how?: SignInHow) =>
  getSessionStore().createUserSession(request, userId, redirectTo, how);
export const getUser = (request: Request) => getSessionStore().getUser(request);
export const requireUser = (request: Request) => getSessionStore().requireUser(request);
export const destroySession = (request: Request) => getSessionStore().destroySession(request);
export const endAllSessions = (userId: string) => getSessionStore().endAllSessions(userId);

/** True when the user holds `role` now (outright or by current acting appointment). */
export function hasRole(user: CurrentUser, role: Role): boolean {
  return user.roles.some((r) => r.role === role);
}
