// The local outbox: each message as an RFC 822 .eml file, readable by any mail program.
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { toNodemailerMessage, type MailTransport, type OutgoingMail } from "./outgoing-mail";

/** `<createdAt>-<id>.eml`: sorts by creation time, and names the row it came from. */
export function emlFileName(mail: Pick<OutgoingMail, "id" | "createdAt">): string {
  const stamp = mail.createdAt.toISOString().replace(/:/g, "-");
  return `${stamp}-${mail.id}.eml`;
}

export function createFileTransport(mailDir: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "file",
    async send(mail) {
      const info = await composer.sendMail(toNodemailerMessage(mail));
      // Messages may carry one-time links: the folder and the files are the portal's user's only.
      await fs.mkdir(mailDir, { recursive: true, mode: 0o700 });
      const file = path.join(mailDir, emlFileName(mail));
      // Write then rename: a crash never leaves half a message, and a message sent again
      // after a crash replaces its file instead of adding a second one.
      const partial = `${file}.${process.pid}.partial`;
      await fs.writeFile(partial, info.message as Buffer, { mode: 0o600 });
      await fs.rename(partial, file);
    },
    close() {
      composer.close();
    },
  };
}
