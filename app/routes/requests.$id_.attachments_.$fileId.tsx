// One attached file, for those who may see its request (R1; anyone else gets 404). Always a
// download, of the type its content was found to be: never rendered as a page (nosniff, and a
// sandbox CSP should a browser open it anyway). The request page's image previews load it too.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAttachment } from "~/attachments/attachments.server";
import { contentDisposition } from "~/attachments/fileName";
import { blobStore } from "~/attachments/storage.server";
import { db } from "~/db.server";
import { requestInContext } from "~/requests/requestRoute.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row } = await requestInContext(request, params.id);
  const found = await readAttachment(db, blobStore(), row.id, params.fileId ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  return new Response(found.bytes, {
    headers: {
      "Content-Type": found.file.mediaType === "text/plain" ? "text/plain; charset=utf-8" : found.file.mediaType,
      "Content-Length": String(found.bytes.length),
      "Content-Disposition": contentDisposition(found.file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
