// Layout checks for the browser tests: phones (390 px) and the narrowest screen WCAG 1.4.10
// asks to reflow to (320 CSS px), without scrolling sideways.
import { expect, type Page } from "@playwright/test";
import { expectAccessibleAsServed } from "./accessibility";

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const NARROWEST = { width: 320, height: 640 };

/** Nothing on the page reaches past the right edge of the window (visually hidden text aside). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      if (element.closest(".usa-sr-only, details:not([open]) > :not(summary)")) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1) offenders.push(`${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)}`);
    }
    return { scrolls: document.documentElement.scrollWidth > width, offenders: offenders.slice(0, 5) };
  });
  expect(overflow, `${page.url()} fits ${page.viewportSize()?.width} px`).toEqual({ scrolls: false, offenders: [] });
}

/**
 * The page as served at each width: no sideways scroll at 390 and 320 px, axe at 1280 and
 * 390 px (R17: WCAG 2.1 AA at phone width too). Leaves the page at desktop width.
 */
export async function expectFitsEveryWidth(page: Page, javaScriptEnabled = true) {
  for (const size of [PHONE, NARROWEST]) {
    await page.setViewportSize(size);
    await expectNoSidewaysScroll(page);
  }
  await page.setViewportSize(PHONE);
  await expectAccessibleAsServed(page, javaScriptEnabled);
  await page.setViewportSize(DESKTOP);
  await expectAccessibleAsServed(page, javaScriptEnabled);
}
