// The one kind of body that is not read whole before Remix sees it (issue 14): a file upload,
// on the attachment route only, streamed to its action with a cap. A body that says it is larger
// than the cap is refused before a byte of it is read; one that grows past it as it streams (no
// Content-Length, or a false one) fails the stream at the cap, and the connection is closed.
import { Readable } from "node:stream";
import type { Request as ExpressRequest } from "express";
import type { PortalPage } from "./portalPage.server";

/** Posts to /requests/:id/attachments carry files, and to /actuals the phone system's exports (issue 19). */
export const UPLOAD_PATH = /^\/(?:requests\/[^/]+\/attachments|actuals)$/;

/** The multipart headers and the form's own fields, on top of the request's files. */
export const UPLOAD_OVERHEAD_BYTES = 1024 * 1024;

/** The stream's error past the cap: matched by name, as the route's bundle has its own copy of this module. */
export const UPLOAD_TOO_LARGE = "UploadTooLarge";

export const UPLOAD_TOO_LARGE_PAGE: PortalPage = {
  title: "The upload is too large",
  paragraphs: [
    "What was sent is larger than all of a request's files may be together, so it was not read and nothing was changed.",
    "Go back and attach fewer or smaller files.",
  ],
};

export function isUpload(req: ExpressRequest): boolean {
  const mediaType = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  return req.method === "POST" && mediaType === "multipart/form-data" && UPLOAD_PATH.test(req.path);
}

export function declaresTooMuch(req: ExpressRequest, cap: number): boolean {
  return Number(req.get("content-length") ?? 0) > cap;
}

/** The body as a web stream that fails once more than `cap` bytes have come. */
export function cappedBody(req: ExpressRequest, cap: number): { body: ReadableStream<Uint8Array>; passedCap: () => boolean } {
  let size = 0;
  let passed = false;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.length;
      if (size > cap) {
        passed = true;
        const error = new Error("The upload is larger than the portal accepts.");
        error.name = UPLOAD_TOO_LARGE;
        controller.error(error);
        req.unpipe();
        return;
      }
      controller.enqueue(chunk);
    },
  });
  const source = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
  return { body: source.pipeThrough(counter), passedCap: () => passed };
}
