// A real SMTP server inside the test process (smtp-server), which parses what it accepts
// (mailparser), plus outbox fixtures. It can be down, refuse, require a password, or hold a
// message before answering, to test the dispatcher against what real servers do.
import { simpleParser, type ParsedMail } from "mailparser";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import type { PrismaClient } from "../../app/db.server";
import type { EmailTemplate } from "../../emails/types";
import type { NotificationData } from "workflows";
import { freePort } from "../support/freePort";

const root = path.resolve(import.meta.dirname, "../..");

export interface Received {
  messageId: string | undefined;
  /** The SMTP envelope (RCPT TO), which is who actually gets it. */
  rcptTo: string[];
  parsed: ParsedMail;
}

export interface TestSmtpOptions {
  auth?: { user: string; pass: string };
  /** Answer each message's DATA with this error instead of accepting it. */
  refuse?: () => Error | undefined;
  /** Awaited after a message is received and before the server answers 250 (and counts it). */
  beforeAccept?: (messageId: string | undefined) => Promise<void>;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  received: Received[];
  /** Listen (again) on the same port. */
  start(): Promise<void>;
  /** Stop listening: connections are refused until start(). */
  stop(): Promise<void>;
  options: TestSmtpOptions;
}

export async function createTestSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const port = await freePort();
  const received: Received[] = [];
  let server: SMTPServer | undefined;

  const serverOptions = (): SMTPServerOptions => ({
    // Plain SMTP on localhost: no self-signed STARTTLS certificate for nodemailer to reject.
    disabledCommands: options.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    closeTimeout: 50,
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      callback(ok ? null : new Error("Authentication failed"), ok ? { user: auth.username } : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const refusal = options.refuse?.();
          if (refusal) return callback(refusal);
          await options.beforeAccept?.(parsed.messageId);
          // Counted when the server commits to the message, as a real one would deliver it,
          // whether or not the client is still there to hear the 250.
          received.push({ messageId: parsed.messageId, rcptTo: session.envelope.rcptTo.map((a) => a.address), parsed });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const handle: TestSmtpServer = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    options,
    async start() {
      server = new SMTPServer(serverOptions());
      // A client killed mid-conversation makes the socket fail; that is the test, not a bug.
      server.on("error", () => {});
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    },
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
  };
  return handle;
}

/** SMTP temporary failure: the client should try again later. */
export function temporaryFailure(): Error {
  return Object.assign(new Error("Try again later"), { responseCode: 451 });
}

let sequence = 0;

export function notificationData(overrides: Partial<NotificationData> = {}): NotificationData {
  sequence += 1;
  return {
    requestId: `req-${sequence}`,
    reference: `311-2026-${String(sequence).padStart(4, "0")}`,
    title: "Recycling calendar mailer",
    departmentName: "Public Works",
    stateLabel: "Under review",
    effectiveDate: "2026-12-01",
    actorLabel: "Dana Director, Director",
    comment: null,
    feeAmount: null,
    task: null,
    ...overrides,
  };
}

export interface RowInput {
  template?: EmailTemplate;
  recipients?: Array<{ email: string; name: string }>;
  data?: object;
}

/** An outbox row as the transition service writes it (requestId left null: no Request row needed). */
export async function insertOutboxRow(db: PrismaClient, input: RowInput = {}, createdAt = new Date()) {
  return db.outboxMessage.create({
    data: {
      template: input.template ?? "approved",
      recipients: JSON.stringify(input.recipients ?? [{ email: "pat@example.gov", name: "Pat Partner" }]),
      data: JSON.stringify(input.data ?? notificationData()),
      status: "pending",
      nextAttemptAt: createdAt,
      createdAt,
    },
  });
}

export const APP_URL = "https://portal.example.gov";
export const FROM = '"3-1-1 Number Use Portal" <no-reply@portal.example.gov>';

/** `npm run mail:dispatch` as its own process (node --import tsx: one process, so a kill kills it). */
export function spawnMailDispatch(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/mail-dispatch.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", APP_URL, SESSION_SECRET: "test-secret-".padEnd(40, "x"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.setEncoding("utf8");
  child.stderr!.setEncoding("utf8");
  return child;
}

/** Resolves with the exit code (or signal) and everything the process printed. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  let output = "";
  child.stdout!.on("data", (chunk: string) => (output += chunk));
  child.stderr!.on("data", (chunk: string) => (output += chunk));
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, output })));
}
