// axe needs JavaScript in the page it checks. A page loaded with JavaScript off is checked
// as served: its HTML (scripts removed) is copied into a scratch page that runs axe.
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support";

export async function expectAccessibleAsServed(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) return expectAccessible(page);
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const origin = new URL(page.url()).origin;
  const browser = page.context().browser();
  if (!browser) throw new Error("No browser to copy the page into");
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.setContent(html.replace(/<head>/i, `<head><base href="${origin}/">`), { waitUntil: "load" });
    await expectAccessible(copy);
  } finally {
    await context.close();
  }
}
