// Reading an upload form as it streams in (issue 14): text fields kept, each file's bytes kept
// up to the file limit and counted past it (so the person hears which file was too large and
// keeps what they typed), and the whole body held to a cap by the HTTP layer
// (app/http/uploadBody.server.ts), past which the stream fails and nothing is kept.
import { unstable_parseMultipartFormData } from "@remix-run/node";

export interface UploadedFile {
  /** The name the browser sent, not yet cleaned. */
  name: string;
  /** The bytes, or null when the file passed the limit. */
  bytes: Uint8Array | null;
  /** Bytes received, also past the limit. */
  size: number;
}

export interface UploadForm {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/** A text field is short: longer ones are cut here, and the form's schema refuses them. */
const MAX_FIELD_BYTES = 16 * 1024;

async function collect(data: AsyncIterable<Uint8Array>, limit: number): Promise<{ chunks: Uint8Array[]; size: number }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.length;
    // Past the limit the rest is read and dropped: memory stays at the limit.
    if (size <= limit) chunks.push(chunk);
  }
  return { chunks, size };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Throws when the body is not multipart, is malformed, or passes the HTTP layer's cap. */
export async function readUploadForm(request: Request, maxFileBytes: number): Promise<UploadForm> {
  const files: UploadedFile[] = [];
  const formData = await unstable_parseMultipartFormData(request, async ({ name, filename, data }) => {
    if (filename === undefined) {
      const { chunks, size } = await collect(data, MAX_FIELD_BYTES);
      return new TextDecoder().decode(concat(chunks, Math.min(size, MAX_FIELD_BYTES)));
    }
    const { chunks, size } = await collect(data, maxFileBytes);
    // A file input left empty still sends a part, with no name and no bytes.
    if (name === "file" && (filename !== "" || size > 0)) {
      files.push({ name: filename, bytes: size <= maxFileBytes ? concat(chunks, size) : null, size });
    }
    return null;
  });
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") fields[key] = value;
  return { fields, files };
}
