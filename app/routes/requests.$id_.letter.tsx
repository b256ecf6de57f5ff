// A decided request's letter as a PDF (R20): the approval letter, or the rejection letter, for
// anyone who may see the request (R1: its department, COM and Finance); 404 when it has none.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/attachments/fileName";
import { db } from "~/db.server";
import { letterFacts } from "~/letters/letterFacts.server";
import { letterFileName, renderLetter } from "~/letters/letterPdf.server";
import { requestInContext } from "~/requests/requestRoute.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row } = await requestInContext(request, params.id);
  const facts = await letterFacts(db, row);
  if (!facts) throw new Response("Not found", { status: 404 });
  const pdf = await renderLetter(facts);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": contentDisposition(letterFileName(facts)),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
