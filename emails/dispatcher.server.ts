// The outbox dispatcher (SPEC §7, R16): sends the e-mails transitions wrote to OutboxMessage,
// retries with back-off while the SMTP server is down or refuses, and gives up after
// MAIL_MAX_ATTEMPTS, leaving the row "failed" for an admin to retry.
//
// Delivery is at least once, never twice in normal running: a row is claimed just before it
// is sent and marked sent right after. Only a crash between the server's "250 OK" and that mark
// can send a message again, with the same Message-ID (docs/decisions/0004-mail-outbox-delivery.md).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { OutboxMessage } from "../app/generated/prisma/client";
import { invitationPath, invitationToken } from "../app/admin/invitationToken.server";
import { dbReady, type PrismaClient } from "../app/db.server";
import { getSettings } from "../app/settings.server";
import { exponentialBackoff, type Backoff } from "./backoff";
import { claimNext } from "./claim.server";
import { letterAttachments } from "./letterAttachment.server";
import { loadMailSettings } from "./mail-settings.server";
import { messageIdFor } from "./message-id";
import type { MailTransport, OutgoingMail } from "./outgoing-mail";
import { parseOutboxPayload, type AccountLinks } from "./payload";
import { isAccountTemplate, renderEmail } from "./render";
import { createTransport } from "./transport.server";

export type Clock = () => Date;

export interface DispatchOptions {
  db: PrismaClient;
  transport: MailTransport;
  /** Names this dispatcher in claimedBy, e.g. "server@host:1234". */
  workerId: string;
  /** Read at each step, so a pass that takes time records real times. Default: the system clock. */
  now?: Clock;
  batchSize?: number;
  /** Default: MAIL_MAX_ATTEMPTS (8). */
  maxAttempts?: number;
  /** Default: MAIL_LEASE_SECONDS (300 s). */
  leaseMs?: number;
  /** Default: 30 s doubling per failure, capped at 1 h. */
  backoff?: Backoff;
  /** Default: APP_URL, for links and Message-IDs. */
  appUrl?: string;
  /** Default: MAIL_FROM. */
  from?: string;
  /** Default: SESSION_SECRET, from which invitation links are made again as they are sent. */
  sessionSecret?: string;
}

export interface DispatchResult {
  /** Rows this pass claimed (each just before sending it). */
  claimed: number;
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Failed for good: out of attempts, or a row that cannot be rendered. */
  failed: number;
}

const DEFAULT_BATCH_SIZE = 20;
const MAX_ERROR_LENGTH = 1000;

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

function outgoingMail(row: OutboxMessage, appUrl: string, from: string, links: AccountLinks): OutgoingMail {
  const { template, data, recipients } = parseOutboxPayload(row, links);
  // One message per row, to all its recipients: the Message-ID belongs to the row.
  const recipientName = recipients.length === 1 ? recipients[0].name : undefined;
  const content = renderEmail(template, data, { appUrl, recipientName });
  return { id: row.id, createdAt: row.createdAt, messageId: messageIdFor(row.id, appUrl), from, to: recipients, ...content };
}

/** One pass: up to batchSize times, claim the next due row and try to send it once. */
export async function dispatchOnce(options: DispatchOptions): Promise<DispatchResult> {
  const { db, transport, workerId } = options;
  const now = options.now ?? (() => new Date());
  const needsSettings = [options.maxAttempts, options.leaseMs, options.appUrl, options.from].includes(undefined);
  const settings = needsSettings ? loadMailSettings() : undefined;
  const maxAttempts = options.maxAttempts ?? settings!.maxAttempts;
  const leaseMs = options.leaseMs ?? settings!.leaseMs;
  const appUrl = options.appUrl ?? settings!.appUrl;
  const from = options.from ?? settings!.from;
  const backoff = options.backoff ?? exponentialBackoff();
  const links: AccountLinks = {
    invitation: (id) => `${appUrl}${invitationPath(invitationToken(id, options.sessionSecret ?? getSettings().sessionSecret))}`,
  };

  const claimToken = `${workerId}/${randomUUID()}`;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const result: DispatchResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const mine = (id: string) => ({ id, status: "sending", claimedBy: claimToken });

  while (result.claimed < batchSize) {
    const row = await claimNext(db, { claimToken, now: now(), leaseMs });
    if (!row) break;
    result.claimed += 1;

    let mail: OutgoingMail;
    try {
      mail = outgoingMail(row, appUrl, from, links);
    } catch (error) {
      // A row that cannot be rendered never will be: fail it now rather than retry it.
      await db.outboxMessage.updateMany({
        where: mine(row.id),
        data: { status: "failed", attempts: row.attempts + 1, lastError: `Cannot render: ${errorText(error)}` },
      });
      result.failed += 1;
      continue;
    }

    // Only the send is inside the try: if marking the row fails after a successful send,
    // the error must not be mistaken for a failed send and the message sent again at once.
    let sendError: unknown;
    try {
      // Inside the try: a letter that cannot be made now (the database away) is tried again later.
      await transport.send({ ...mail, attachments: await letterAttachments(db, row) });
    } catch (error) {
      sendError = error ?? new Error("unknown error");
    }

    if (sendError === undefined) {
      await db.outboxMessage.updateMany({
        where: mine(row.id),
        data: {
          status: "sent",
          sentAt: now(),
          lastError: null,
          // Account e-mails carry a one-time token; once sent, the outbox need not keep it.
          ...(isAccountTemplate(row.template) && { data: "{}" }),
        },
      });
      result.sent += 1;
      continue;
    }

    const attempts = row.attempts + 1;
    const givesUp = attempts >= maxAttempts;
    await db.outboxMessage.updateMany({
      where: mine(row.id),
      data: {
        status: givesUp ? "failed" : "pending",
        attempts,
        nextAttemptAt: new Date(now().getTime() + (givesUp ? 0 : backoff(attempts))),
        claimedBy: null,
        claimedAt: null,
        lastError: errorText(sendError),
      },
    });
    if (givesUp) result.failed += 1;
    else result.retrying += 1;
  }
  return result;
}

/** Passes until one claims less than a full batch: a full batch means more may be due now. */
export async function dispatchAll(options: DispatchOptions, stopped: () => boolean = () => false): Promise<DispatchResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const total: DispatchResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  let result: DispatchResult;
  do {
    result = await dispatchOnce({ ...options, batchSize });
    total.claimed += result.claimed;
    total.sent += result.sent;
    total.retrying += result.retrying;
    total.failed += result.failed;
  } while (!stopped() && result.claimed === batchSize);
  return total;
}

/** For admins: put a failed message back in the queue, with a fresh set of attempts. */
export async function retryFailed(db: Pick<PrismaClient, "outboxMessage">, id: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: "failed" },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, claimedBy: null, claimedAt: null },
  });
  return count === 1;
}

export interface DispatcherLoopOptions extends Partial<DispatchOptions> {
  intervalMs?: number;
  /** Where to report a pass that could not run (a database error); messages' own errors are kept on the rows. */
  onError?: (error: unknown) => void;
}

export interface RunningDispatcher {
  /** Stops the loop, waits for a pass in progress, and closes the transport it opened. */
  stop(): Promise<void>;
}

/** Run inside the server process: a pass now, then one every intervalMs (default 10 s). */
export function startDispatcher(options: DispatcherLoopOptions = {}): RunningDispatcher {
  const {
    intervalMs = 10_000,
    onError = (error: unknown) => console.error(`Mail dispatcher: ${errorText(error)}`),
    ...dispatch
  } = options;
  const ownTransport = dispatch.transport ? undefined : createTransport(loadMailSettings());
  const transport = dispatch.transport ?? ownTransport!;
  const workerId = dispatch.workerId ?? `server@${hostname()}:${process.pid}`;

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const pass = async () => {
    const db = dispatch.db ?? (await dbReady());
    await dispatchAll({ ...dispatch, db, transport, workerId }, () => stopped);
  };
  const tick = () => {
    current = pass()
      .catch(onError)
      .finally(() => {
        // setTimeout after each pass, not setInterval: passes never overlap.
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      ownTransport?.close();
    },
  };
}
