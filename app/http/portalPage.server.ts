// The portal's own page for answers made before or outside Remix: a refused cross-site post, a
// malformed address or body, an error nothing else caught. Plain HTML with the USWDS stylesheet,
// no script (so no nonce is needed), never a message from the error itself.
import type { Response } from "express";

export interface PortalPage {
  title: string;
  paragraphs: string[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function portalPageHtml(page: PortalPage): string {
  const title = escapeHtml(page.title);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – 3-1-1 Number Use Portal</title><link rel="stylesheet" href="/uswds/css/uswds.min.css"></head>
<body><header><p class="grid-container padding-y-2"><a href="/">3-1-1 Number Use Portal</a></p></header>
<main id="main-content" class="grid-container padding-top-4"><h1>${title}</h1>
${page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p><a href="/">Go to the home page</a></p></main></body></html>`;
}

/** Send the page; like every page of the portal's, it is never cached. */
export function sendPortalPage(res: Response, status: number, page: PortalPage): void {
  res.status(status).set("Cache-Control", "no-store").type("html").send(portalPageHtml(page));
}
