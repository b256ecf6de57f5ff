// What a file is, by its content (file-type), never by its name: a program renamed .pdf or a web
// page renamed .png is refused. Plain text has no signature: it is accepted when its name says
// .txt and its bytes are valid UTF-8 without NUL characters.
import { fileTypeFromBuffer } from "file-type";
import { cleanFileName } from "./fileName";
import { ACCEPTED_LIST, ACCEPTED_TYPES } from "./fileTypes";

export type FileVerdict = { ok: true; mediaType: string; fileName: string } | { ok: false; reason: string };

/** A web page or an SVG passed off as text: kept out, though it would only ever be served as text. */
const MARKUP = /^\s*<(!doctype\s+html|html|head|body|script|svg|\?xml)\b/i;

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return !MARKUP.test(text.replace(/^\uFEFF/, ""));
  } catch {
    return false;
  }
}

export async function checkFile(name: string, bytes: Uint8Array): Promise<FileVerdict> {
  const shown = name.trim() || "The file";
  if (bytes.length === 0) return { ok: false, reason: `${shown} is empty.` };
  const sniffed = await fileTypeFromBuffer(bytes);
  let mediaType: string | undefined;
  if (sniffed) {
    if (!ACCEPTED_TYPES[sniffed.mime]) {
      return { ok: false, reason: `${shown} is not accepted: its content is a .${sniffed.ext} file (${sniffed.mime}). Attach ${ACCEPTED_LIST}.` };
    }
    mediaType = sniffed.mime;
  } else if (/\.txt$/i.test(name.trim()) && isPlainText(bytes)) {
    mediaType = "text/plain";
  } else {
    const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
    const claimed = Object.values(ACCEPTED_TYPES).find((t) => ext && t.extensions.includes(ext));
    return {
      ok: false,
      reason: claimed
        ? `${shown} is not accepted: its name says ${claimed.label}, but its content is not one. Attach ${ACCEPTED_LIST}.`
        : `${shown} is not accepted: its content is not a type the portal takes. Attach ${ACCEPTED_LIST}.`,
    };
  }
  return { ok: true, mediaType, fileName: cleanFileName(name, ACCEPTED_TYPES[mediaType].extensions) };
}
