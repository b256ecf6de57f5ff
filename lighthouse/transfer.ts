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
    const inFlight = new Set<string>();
    let lastActivity = Date.now();
    let total = 0;
    let document = 0;
    cdp.on("Network.requestWillBeSent", (event) => {
      inFlight.add(event.requestId);
      lastActivity = Date.now();
    });
    cdp.on("Network.responseReceived", (event) => {
      if (event.type === "Document") documents.add(event.requestId);
    });
    cdp.on("Network.loadingFinished", (event) => {
      inFlight.delete(event.requestId);
      lastActivity = Date.now();
      total += event.encodedDataLength;
      if (documents.has(event.requestId)) document += event.encodedDataLength;
    });
    cdp.on("Network.loadingFailed", (event) => {
      inFlight.delete(event.requestId);
      lastActivity = Date.now();
    });
    // Playwright's "networkidle" (500 ms) can come before a busy machine has started the
    // page's last module loads: wait for a full second with nothing loading.
    const quiet = async () => {
      const until = Date.now() + 20_000;
      while (Date.now() < until && (inFlight.size > 0 || Date.now() - lastActivity < 1_000)) await new Promise((r) => setTimeout(r, 100));
    };
    await tab.goto(origin + path, { waitUntil: "load" });
    await quiet();
    const firstVisit = total;
    const firstDocument = document;
    total = 0;
    await tab.goto(origin + path, { waitUntil: "load" });
    await quiet();
    return { document: firstDocument, firstVisit, repeatVisit: total };
  } finally {
    await context.close();
  }
}

/**
 * Several pages' transfers, `concurrency` at a time, each in a context of its own: the bytes do
 * not depend on timing, and each page's quiet second then passes beside the others' instead of
 * after them (the bench's fifteen pages took a minute one by one).
 */
export async function measureTransfers(browser: Browser, origin: string, pages: Array<{ path: string; cookie?: string }>, concurrency = 4): Promise<Transfer[]> {
  const results: Transfer[] = new Array(pages.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < pages.length; i = next++) results[i] = await measureTransfer(browser, origin, pages[i].path, pages[i].cookie);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pages.length) }, worker));
  return results;
}
