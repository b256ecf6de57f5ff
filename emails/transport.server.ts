// Where messages go: an SMTP server when SMTP_URL is set, otherwise .eml files in MAIL_DIR
// so a laptop install needs no mail server and every message can still be read.
import { createFileTransport } from "./file-transport.server";
import type { MailTransport } from "./outgoing-mail";
import { createSmtpTransport, type SmtpTimeouts } from "./smtp-transport.server";

export type { MailTransport, OutgoingMail } from "./outgoing-mail";

export interface TransportSettings {
  smtpUrl: string | undefined;
  mailDir: string;
  /** Default: 30 s to connect, 30 s for the greeting, 60 s of silence. */
  timeouts?: SmtpTimeouts;
}

export function createTransport(settings: TransportSettings): MailTransport {
  return settings.smtpUrl
    ? createSmtpTransport(settings.smtpUrl, settings.timeouts)
    : createFileTransport(settings.mailDir);
}
