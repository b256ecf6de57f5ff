// A request's files as pages show them.
import type { AttachmentView } from "~/components/AttachmentList";
import { shownInstant } from "~/format";
import type { AttachmentLine } from "./attachments.server";
import { PREVIEWABLE } from "./fileTypes";

export function attachmentView(line: AttachmentLine, timeZone: string): AttachmentView {
  return {
    id: line.id,
    fileName: line.fileName,
    description: line.description,
    mediaType: line.mediaType,
    size: line.size,
    sha256: line.sha256,
    addedBy: line.addedBy,
    at: shownInstant(line.createdAt, timeZone),
    withdrawnAt: line.withdrawnAt ? shownInstant(line.withdrawnAt, timeZone) : null,
    withdrawnBy: line.withdrawnBy,
    preview: PREVIEWABLE.has(line.mediaType),
  };
}
