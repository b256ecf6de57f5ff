// E-mail that could not be delivered (R16): the dispatcher gives up after MAIL_MAX_ATTEMPTS
// tries; an administrator sees those messages here and can send them again.
import { shownInstant } from "~/format";
import * as z from "~/forms/zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { retryFailed } from "../../emails/dispatcher.server";
import { auditAdmin } from "./adminAudit.server";
import type { CurrentUser } from "~/auth/session.server";

const SHOWN = 100;

/** The retry button's form (kept here, on the server: the page's browser bundle needs no zod). */
export const retrySchema = z.object({ intent: z.literal("retry"), id: z.string().check(z.minLength(1), z.maxLength(64)) });

export async function outboxOverview(db: PrismaClient, timeZone: string) {
  const [failed, waiting] = await Promise.all([
    db.outboxMessage.findMany({
      where: { status: "failed" },
      orderBy: { createdAt: "desc" },
      take: SHOWN,
      select: {
        id: true,
        template: true,
        recipients: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        request: { select: { id: true, reference: true } },
      },
    }),
    db.outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } }),
  ]);
  return {
    waiting,
    failed: failed.map((m) => ({
      id: m.id,
      template: m.template,
      to: (JSON.parse(m.recipients) as Array<{ email: string }>).map((r) => r.email).join(", "),
      attempts: m.attempts,
      lastError: m.lastError,
      queued: shownInstant(m.createdAt, timeZone),
      request: m.request,
    })),
  };
}

/** Queue a failed message again, and say who did in the audit trail. False when it was not failed. */
export async function retryMessage(db: PrismaClient, by: CurrentUser, id: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const retried = await retryFailed(tx, id, now);
    if (retried) await auditAdmin(tx, { by, event: "MAIL_RETRIED", comment: `Outbox message ${id}`, at: now });
    return retried;
  });
}
