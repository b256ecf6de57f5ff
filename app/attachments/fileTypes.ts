// The kinds of file a request may carry (issue 14), known by their content.

export interface AcceptedType {
  label: string;
  /** The first is the one a cleaned name gets when its own does not fit. */
  extensions: readonly string[];
}

export const ACCEPTED_TYPES: Record<string, AcceptedType> = {
  "application/pdf": { label: "PDF", extensions: ["pdf"] },
  "image/png": { label: "PNG image", extensions: ["png"] },
  "image/jpeg": { label: "JPEG image", extensions: ["jpg", "jpeg"] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "Word document", extensions: ["docx"] },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { label: "Excel workbook", extensions: ["xlsx"] },
  "text/plain": { label: "plain text", extensions: ["txt"] },
};

export const ACCEPTED_LIST = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) or plain text (.txt)";

/** Images the request page shows a small preview of. */
export const PREVIEWABLE = new Set(["image/png", "image/jpeg"]);

export function typeLabel(mediaType: string): string {
  return ACCEPTED_TYPES[mediaType]?.label ?? mediaType;
}

/** "2.4 MB", "312 KB", "90 bytes". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}
