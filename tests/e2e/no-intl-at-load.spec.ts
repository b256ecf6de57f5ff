// Decision 0013, seventh pass: pages write their numbers, months and times on the server, so the
// browser never makes an Intl object while a page loads and hydrates (the first one starts ICU:
// 35–55 ms of the main thread here). Each page is loaded with JavaScript and hydrated, with
// Intl's constructors and the locale methods counted from before the page's first script.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PARTNER } from "./requestForm";
import { addFailedMessage } from "./database";
import { ADMIN, DIRECTOR, FINANCE, signedIn } from "./review";
import { closeSeedDb, inDays, seedRequest } from "./seedRequest";
import { hydrated } from "./support";

test.afterAll(closeSeedDb);

const COUNT_INTL = `(() => {
  window.__intlMade = [];
  for (const name of ["NumberFormat", "DateTimeFormat", "Collator", "PluralRules", "RelativeTimeFormat", "ListFormat"]) {
    const made = Intl[name];
    Intl[name] = new Proxy(made, { construct(target, args) { window.__intlMade.push(name); return Reflect.construct(target, args); } });
  }
  for (const [proto, method] of [[Date.prototype, "toLocaleString"], [Date.prototype, "toLocaleDateString"], [Date.prototype, "toLocaleTimeString"], [Number.prototype, "toLocaleString"]]) {
    const original = proto[method];
    proto[method] = function (...args) { window.__intlMade.push(method); return original.apply(this, args); };
  }
})()`;

async function intlMadeLoading(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await hydrated(page);
  return page.evaluate(() => (window as unknown as { __intlMade: string[] }).__intlMade);
}

test("no page makes an Intl object as it loads: lists, forms, the request page with its history and quoted words, the fee page, the calendar, undelivered e-mail", async ({ browser }) => {
  const { id: disputed } = await seedRequest({ title: "Recycling hotline, fee disputed", state: "feeDisputed", effectiveDate: inDays(40) });
  const { id: changes } = await seedRequest({ title: "Recycling postcards, changes asked", state: "changesRequested", effectiveDate: inDays(40) });
  await addFailedMessage();
  const pages: Array<[string, string[]]> = [
    [PARTNER, ["/", "/requests", "/requests/new", `/requests/${changes}`, `/requests/${changes}/edit`]],
    [DIRECTOR, ["/", "/requests", `/requests/${disputed}`, "/calendar", "/calendar?view=week", "/accuracy"]],
    [FINANCE, ["/finance", `/requests/${disputed}/fee`]],
    [ADMIN, ["/admin/mail"]],
  ];
  for (const [email, paths] of pages) {
    const page = await signedIn(browser, email);
    await page.context().addInitScript(COUNT_INTL);
    for (const path of paths) expect({ path, made: await intlMadeLoading(page, path) }).toEqual({ path, made: [] });
    await page.context().close();
  }
});
