// R16: the e-mails a transition causes are written in its own transaction.
import type { Prisma } from "~/generated/prisma/client";
import { notificationsFor, type NotificationData } from "../../workflows/notifications";
import type { RequestEventType } from "../../workflows/events";
import type { StateName } from "../../workflows/states";
import { holdersOf, type Recipient } from "./recipients.server";

export interface QueueInput {
  requestId: string;
  event: RequestEventType;
  from: StateName;
  to: StateName;
  submitter: Recipient;
  today: string;
  data: NotificationData;
}

/** One outbox row per e-mail and recipient; returns how many were queued. */
export async function queueNotifications(tx: Prisma.TransactionClient, input: QueueInput): Promise<number> {
  const rows: Prisma.OutboxMessageCreateManyInput[] = [];
  for (const notification of notificationsFor(input.event, input.from, input.to)) {
    const seen = new Set<string>();
    for (const audience of notification.audience) {
      const people = audience === "submitter" ? [input.submitter] : await holdersOf(tx, audience, input.today);
      for (const person of people) {
        if (seen.has(person.email)) continue;
        seen.add(person.email);
        rows.push({
          requestId: input.requestId,
          template: notification.template,
          recipients: JSON.stringify([person]),
          data: JSON.stringify(input.data),
        });
      }
    }
  }
  if (rows.length > 0) await tx.outboxMessage.createMany({ data: rows });
  return rows.length;
}
