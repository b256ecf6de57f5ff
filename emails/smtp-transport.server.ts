// Real SMTP through nodemailer: smtp:// (STARTTLS when offered) or smtps:// (TLS from the
// start), with the user and password in the URL.
import nodemailer from "nodemailer";
import { toNodemailerMessage, type MailTransport } from "./outgoing-mail";

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

/** The password, as written in the URL and decoded, to scrub from error messages we keep. */
function secretsOf(smtpUrl: string): string[] {
  const url = new URL(smtpUrl);
  return [url.password, decodeURIComponent(url.password)].filter((s) => s.length > 0);
}

export function redact(text: string, secrets: string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join("***"), text);
}

// nodemailer waits up to 10 minutes on a silent socket; one send must stay well inside the
// claim lease (MAIL_LEASE_SECONDS, default 5 minutes) or another dispatcher may send it too.
const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectionMs: 30_000, greetingMs: 30_000, socketMs: 60_000 };

export function createSmtpTransport(smtpUrl: string, timeouts: SmtpTimeouts = DEFAULT_TIMEOUTS): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  });
  const secrets = secretsOf(smtpUrl);
  return {
    kind: "smtp",
    async send(mail) {
      try {
        await transporter.sendMail(toNodemailerMessage(mail));
      } catch (error) {
        // The dispatcher stores this text in lastError, which admins read: never the password.
        const code = (error as { code?: unknown }).code;
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(redact(typeof code === "string" ? `${code}: ${message}` : message, secrets));
      }
    },
    close() {
      transporter.close();
    },
  };
}
