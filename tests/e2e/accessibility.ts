// axe needs JavaScript in the page it checks. A page loaded with JavaScript off is checked
// as served: its HTML (scripts removed) is loaded into a scratch page of the same width, at an
// address of the portal's own origin (so its styles load as they do for the real page), that
// runs axe.
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support";

export async function expectAccessibleAsServed(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) return expectAccessible(page);
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace(/<link rel="modulepreload"[^>]*>/gi, "");
  const url = new URL(page.url());
  const browser = page.context().browser();
  if (!browser) throw new Error("No browser to copy the page into");
  // At the page's own width: phones are checked as phones.
  const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    await copy.route(url.href, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await copy.goto(url.href, { waitUntil: "load" });
    await expectAccessible(copy);
  } finally {
    await context.close();
  }
}
