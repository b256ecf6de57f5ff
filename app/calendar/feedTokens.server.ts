// Secret iCalendar feed addresses, one per person (issue 5). The token is shown once, when
// made; only its SHA-256 hash is stored, so a copy of the database does not reveal working
// addresses. A token is 32 random bytes, so a fast hash is enough (no guessing is possible).
import { randomBytes } from "node:crypto";
import type { CurrentRole } from "~/auth/session.server";
import * as z from "~/forms/zod";
import { readRows } from "~/db/rawReads.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { hashToken } from "~/security/tokenHash.server";
import { rolesInForce } from "workflows";

/** The feed form's buttons (kept here, on the server: the calendar's browser bundle needs no zod). */
export const feedActionSchema = z.object({ intent: z.enum(["renew", "revoke"]) });

/** Make (or replace) the person's token; the old address stops working at once. */
export async function renewFeedToken(db: PrismaClient, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  await db.calendarFeed.upsert({
    where: { userId },
    create: { userId, tokenHash, createdAt: now },
    update: { tokenHash, createdAt: now },
  });
  return token;
}

export async function revokeFeedToken(db: PrismaClient, userId: string): Promise<void> {
  await db.calendarFeed.deleteMany({ where: { userId } });
}

/** When the person's current address was made, or null when they have none. */
export async function feedCreatedAt(db: PrismaClient, userId: string): Promise<Date | null> {
  // Raw: every view of the calendar asks, and the ORM's query costs several times as much to prepare.
  const [feed] = await readRows<{ createdAt: Date }>(db, Prisma.sql`SELECT "createdAt" FROM "CalendarFeed" WHERE "userId" = ${userId}`, {
    prepared: true,
  });
  return feed?.createdAt ?? null;
}

/**
 * The roles the token's owner holds today, or null for an unknown or revoked token or a
 * deactivated owner. Read afresh on every fetch: a feed stops when its owner loses the role.
 */
export async function feedOwnerRoles(db: PrismaClient, token: string, today: string): Promise<CurrentRole[] | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { active: true, roles: true } } },
  });
  if (!feed || !feed.user.active) return null;
  return rolesInForce(feed.user.roles, today);
}
