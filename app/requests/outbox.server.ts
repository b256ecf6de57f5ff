// R16: the e-mails a transition causes are written in its own transaction.
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { Notification, NotificationData } from "workflows";
import type { Follower } from "~/db/together.server";
import { holdersAmong, type Recipient, type RoleAudience, type RoleHolder } from "./recipients.server";

export interface MailInput {
  /** The e-mails the machine's decision asks for. */
  notifications: Notification[];
  submitter: Recipient;
  /** The holders of the audiences' roles, as the event read them with its request. */
  roleHolders: RoleHolder[];
  today: string;
}

/** One outbox row per e-mail and recipient, and the recipients, each once. */
export function mailFor(input: MailInput): { rows: OutboxRow[]; recipients: Recipient[] } {
  const audiences = [...new Set(input.notifications.flatMap((n) => n.audience))].filter((a): a is RoleAudience => a !== "submitter");
  const holders = holdersAmong(input.roleHolders, audiences, input.today);
  const rows: OutboxRow[] = [];
  for (const notification of input.notifications) {
    const seen = new Set<string>();
    for (const audience of notification.audience) {
      for (const person of audience === "submitter" ? [input.submitter] : holders.get(audience)!) {
        if (seen.has(person.email)) continue;
        seen.add(person.email);
        rows.push({ template: notification.template, recipient: person });
      }
    }
  }
  return { rows, recipients: [...new Map(rows.map((row) => [row.recipient.email, row.recipient])).values()] };
}

export interface OutboxRow {
  template: string;
  recipient: Recipient;
}

/**
 * The rows, due now, each with the request's notification data, written after the request row's
 * guarded update (db/together.server.ts). Raw SQL: most events queue e-mails, and the ORM's insert
 * costs several times as much. Ids are UUIDs, as the schema's default gives the ORM's inserts.
 */
export function outboxWrites(requestId: string, data: NotificationData, rows: OutboxRow[]): Follower[] {
  if (rows.length === 0) return [];
  const json = JSON.stringify(data);
  const now = new Date();
  return [
    {
      insert: Prisma.sql`"OutboxMessage" (id, "requestId", template, recipients, data, status, attempts, "nextAttemptAt", "createdAt")`,
      rows: rows.map((row) => Prisma.sql`${randomUUID()}, ${requestId}, ${row.template}, ${JSON.stringify([row.recipient])}, ${json}, 'pending', 0, ${now}, ${now}`),
    },
  ];
}
