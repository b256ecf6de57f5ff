// Browsers and other clients ask for /favicon.ico whatever the page links to: send them to the
// portal's icon (fingerprinted by the build, like every asset) instead of a "page not found".
import { redirect } from "@remix-run/node";
import favicon from "~/favicon.svg";

export function loader() {
  // A day's cache: the icon's address changes with each release that changes the icon.
  return redirect(favicon, { status: 301, headers: { "Cache-Control": "public, max-age=86400" } });
}
