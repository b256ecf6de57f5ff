// File names as people gave them are shown on pages and sent back in Content-Disposition: cleaned
// of path parts, control and direction-changing characters and characters file systems refuse,
// shortened, and ending in an extension of the type the content really is.

const MAX_LENGTH = 120;
// C0/C1 controls, and the bidirectional overrides that make "gpj.exe" read as "exe.jpg".
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED = /[<>:"/\\|?*]/g;

export function cleanFileName(raw: string, extensions: readonly string[]): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  let name = base.normalize("NFC").replace(/[\t\n\r]/g, " ").replace(UNSAFE, "").replace(RESERVED, "_").replace(/\s+/g, " ").trim();
  name = name.replace(/^[.\s]+|[.\s]+$/g, "");
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  let stem = extensions.includes(ext) ? name.slice(0, dot) : name;
  const suffix = `.${extensions.includes(ext) ? ext : extensions[0]}`;
  stem = stem.slice(0, MAX_LENGTH - suffix.length).trim() || "file";
  return stem + suffix;
}

/** `attachment`, with an ASCII fallback name and the real one in RFC 5987 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
