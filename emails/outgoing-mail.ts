// What the dispatcher hands a transport, and how it becomes a nodemailer message.
import type { SendMailOptions } from "nodemailer";
import type { Recipient } from "./types";

/** One message, ready to send: rendered, addressed, with the row's stable Message-ID. */
export interface OutgoingMail {
  /** The outbox row's id and creation time name the .eml file. */
  id: string;
  createdAt: Date;
  messageId: string;
  from: string;
  to: Recipient[];
  subject: string;
  text: string;
  html: string;
  /** Files sent with it: the approval or rejection letter (letterAttachment.server.ts). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailTransport {
  readonly kind: "smtp" | "file";
  /** Resolves once the server (or the disk) has the message; rejects with a message free of secrets. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function toNodemailerMessage(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to.map((r) => ({ name: r.name, address: r.email })),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    // RFC 3834: tells out-of-office responders not to answer a machine.
    headers: { "Auto-Submitted": "auto-generated" },
  };
}
