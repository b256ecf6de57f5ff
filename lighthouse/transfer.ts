// What the browser receives for a page, as served (compressed, headers included: Chromium's
// encodedDataLength): the document alone, a first visit with an empty cache (the document and
// everything it loads, until the network is idle), and a repeat visit right after it.
import type { Browser } from "@playwright/test";

export interface Transfer {
  document: number;
  firstVisit: number;
  repeatVisit: number;
}

export function cookiesFor(header: string | undefined, origin: string) {
  if (!header) return [];
  const [name, ...value] = header.split("=");
  return [{ name, value: value.join("="), url: origin }];
}

export async function measureTransfer(browser: Browser, origin: string, path: string, cookie?: string): Promise<Transfer> {
  const context = await browser.newContext();
  try {
    await context.addCookies(cookiesFor(cookie, origin));
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    const documents = new Set<string>();
    let total = 0;
    let document = 0;
    cdp.on("Network.responseReceived", (event) => {
      if (event.type === "Document") documents.add(event.requestId);
    });
    cdp.on("Network.loadingFinished", (event) => {
      total += event.encodedDataLength;
      if (documents.has(event.requestId)) document += event.encodedDataLength;
    });
    await tab.goto(origin + path, { waitUntil: "networkidle" });
    const firstVisit = total;
    const firstDocument = document;
    total = 0;
    await tab.goto(origin + path, { waitUntil: "networkidle" });
    return { document: firstDocument, firstVisit, repeatVisit: total };
  } finally {
    await context.close();
  }
}
