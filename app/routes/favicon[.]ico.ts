// Browsers and other clients ask for /favicon.ico whatever the page links to: send them to the
// portal's icon (public/favicon.svg) instead of a "page not found".
import { redirect } from "@remix-run/node";

export function loader() {
  return redirect("/favicon.svg", { status: 301, headers: { "Cache-Control": "public, max-age=86400" } });
}
