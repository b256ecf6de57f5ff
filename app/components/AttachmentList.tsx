// A request's files: name (a download link), what it is, who added it and when, withdrawn ones
// marked; PNG and JPEG with a small preview, loaded from the same permission-checked address.
import type { ReactNode } from "react";
import { formatSize, typeLabel } from "~/attachments/fileTypes";
import type { ShownInstant } from "~/format";
import { InstantText } from "./DateText";

export interface AttachmentView {
  id: string;
  fileName: string;
  description: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedBy: string;
  at: ShownInstant;
  withdrawnAt: ShownInstant | null;
  withdrawnBy: string | null;
  preview: boolean;
}

export function attachmentHref(requestId: string, attachmentId: string): string {
  return `/requests/${requestId}/attachments/${attachmentId}`;
}

export function AttachmentList({
  requestId,
  files,
  actions,
}: {
  requestId: string;
  files: AttachmentView[];
  /** Buttons beside a file (take it off), where the page offers them. */
  actions?: (file: AttachmentView) => ReactNode;
}) {
  if (files.length === 0) return <p>No files are attached.</p>;
  return (
    <ul className="usa-list usa-list--unstyled" data-testid="attachments">
      {files.map((file) => (
        <li key={file.id} className="margin-bottom-3 portal-attachment" data-testid="attachment">
          {file.preview && !file.withdrawnAt ? (
            <img src={attachmentHref(requestId, file.id)} alt={`Preview of ${file.fileName}`} className="portal-attachment__preview" width={160} loading="lazy" />
          ) : null}
          <div>
            <a href={attachmentHref(requestId, file.id)} download={file.fileName}>
              {file.fileName}
            </a>{" "}
            <span className="text-base-dark">
              ({typeLabel(file.mediaType)}, {formatSize(file.size)})
            </span>
            {file.withdrawnAt ? (
              <span className="usa-tag margin-left-1" data-testid="withdrawn">
                Withdrawn
              </span>
            ) : null}
            <p className="margin-y-05">{file.description}</p>
            <p className="margin-y-05 font-body-2xs text-base-dark">
              Added by {file.addedBy}, <InstantText at={file.at} />
              {file.withdrawnAt ? (
                <>
                  ; withdrawn by {file.withdrawnBy}, <InstantText at={file.withdrawnAt} />
                </>
              ) : null}
              . SHA-256 <code className="portal-hash">{file.sha256}</code>
            </p>
            {actions?.(file)}
          </div>
        </li>
      ))}
    </ul>
  );
}
