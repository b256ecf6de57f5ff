// A request's files as pages show them.
import type { AttachmentView } from "~/components/AttachmentList";
import type { AttachmentLine } from "./attachments.server";
import { PREVIEWABLE } from "./fileTypes";

export function attachmentView(line: AttachmentLine): AttachmentView {
  return {
    id: line.id,
    fileName: line.fileName,
    description: line.description,
    mediaType: line.mediaType,
    size: line.size,
    sha256: line.sha256,
    addedBy: line.addedBy,
    at: line.createdAt.toISOString(),
    withdrawnAt: line.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: line.withdrawnBy,
    preview: PREVIEWABLE.has(line.mediaType),
  };
}
