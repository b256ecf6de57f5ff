// The approval and rejection e-mails carry the request's letter (R20). The outbox keeps no
// files: the letter is made again from the record as the message is sent. It is the same letter
// whenever it is made (letterFacts reads the record as it stood at the decision).
import type { PrismaClient } from "../app/db.server";
import type { MailAttachment } from "./outgoing-mail";

const LETTER_OF: Record<string, "approval" | "rejection"> = { approved: "approval", rejected: "rejection" };

export async function letterAttachments(db: PrismaClient, row: { template: string; requestId: string | null }): Promise<MailAttachment[]> {
  const kind = LETTER_OF[row.template];
  if (!kind || !row.requestId) return [];
  // Loaded on the first letter: a cron pass with none to send starts without the PDF library.
  const [{ findRequest }, { letterFacts }, { letterFileName, renderLetter }] = await Promise.all([
    import("../app/requests/queries.server"),
    import("../app/letters/letterFacts.server"),
    import("../app/letters/letterPdf.server"),
  ]);
  const request = await findRequest(db, row.requestId);
  const facts = request ? await letterFacts(db, request) : null;
  // Cancelled between the decision and the e-mail: the message still goes, without a letter.
  if (!facts || facts.kind !== kind) return [];
  return [{ filename: letterFileName(facts), content: await renderLetter(facts), contentType: "application/pdf" }];
}
