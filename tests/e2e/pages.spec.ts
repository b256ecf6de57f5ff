// Every page as people read it (issue 13): each fits a 320 px screen without scrolling
// sideways (WCAG 1.4.10) and passes axe at 390 and 1280 px, for each role, with and without
// JavaScript; refusals are the portal's own pages; help is one link away everywhere; the
// smaller findings of the walkthrough. ./fixtures fails any test whose pages log a console
// error or CSP violation.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { expectAccessibleAsServed } from "./accessibility";
import { expect, test } from "./fixtures";
import { expectFitsEveryWidth, PHONE } from "./layout";
import { NON_PARTNER, PARTNER } from "./requestForm";
import { ADMIN, ANALYST, DIRECTOR, FINANCE, signedIn } from "./review";
import { closeSeedDb, inDays, seedRequest } from "./seedRequest";
import { signIn } from "./support";

test.afterAll(closeSeedDb);

/** Visits each page: it loads (the expected status), fits every width and passes axe; every page links to help. */
async function visitAll(page: Page, paths: string[], js: boolean) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Help and who to ask" })).toBeVisible();
    await expectFitsEveryWidth(page, js);
  }
}

test("every page of a requester fits 320 px and passes axe at 390 and 1280 px (the HTML is the same with JavaScript off)", async ({ browser }) => {
  test.setTimeout(180_000);
  const approved = await seedRequest({ title: "Reflow approved", state: "approvedWithFee" });
  const draft = await seedRequest({ title: "Reflow draft", state: "draft" });
  const changes = await seedRequest({ title: "Reflow changes", state: "changesRequested" });
  const page = await signedIn(browser, PARTNER);
  await visitAll(
    page,
    [
      "/",
      "/requests",
      "/requests/new",
      "/requests/new?type=materials&chosen=1",
      `/requests/${approved.id}`,
      `/requests/${draft.id}`,
      `/requests/${draft.id}/edit`,
      `/requests/${draft.id}/check`,
      `/requests/${changes.id}/edit`,
      `/requests/${approved.id}/confirmation`,
      "/account/password",
      "/account/mfa",
      "/help",
    ],
    true,
  );
});

test("every page of COM, the analyst, Finance and the admin fits 320 px and passes axe at 390 and 1280 px", async ({ browser }) => {
  test.setTimeout(240_000);
  const fee = await seedRequest({ title: "Reflow fee", state: "feeDisputed" });
  const screening = await seedRequest({ title: "Reflow screening", state: "screening" });
  const month = inDays(30).slice(0, 7);
  const pages: Array<[string, string[]]> = [
    [DIRECTOR, ["/", "/requests", `/requests/${screening.id}`, `/calendar?month=${month}`]],
    [ANALYST, [`/requests/${screening.id}/analysis`, `/calendar?view=week&date=${inDays(30)}`, `/calendar?day=${inDays(30)}`]],
    [FINANCE, ["/", `/requests/${fee.id}`, `/requests/${fee.id}/fee`, "/finance"]],
    [ADMIN, ["/admin", "/admin/users", "/admin/departments", "/admin/fees", "/admin/mail"]],
  ];
  for (const [email, paths] of pages) await visitAll(await signedIn(browser, email), paths, true);
});

for (const js of [true, false]) {
  const mode = js ? "JavaScript on" : "JavaScript off";

  test(`signed out: sign-in, help and a link to a request, which names it (${mode})`, async ({ browser }) => {
    const { id, reference } = await seedRequest({ title: `Deep link ${mode}`, state: "screening" });
    const context = await browser.newContext({ javaScriptEnabled: js });
    const page = await context.newPage();
    await visitAll(page, ["/sign-in", "/help"], js);
    // Help's procedure is for everyone; the names of the people to ask need a sign-in.
    await expect(page.getByRole("heading", { name: "How much notice to give" })).toBeVisible();
    await expect(page.getByTestId("contacts")).toHaveCount(0);

    // An e-mail's link opened while signed out.
    await page.goto(`/requests/${id}`);
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);
    await expect(page.getByTestId("sign-in-for")).toHaveText(`Sign in to see ${reference}.`);
    await expectFitsEveryWidth(page, js);
    await page.getByLabel("E-mail address").fill(PARTNER);
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Deep link ${mode}`);
    await page.goto("/help");
    await expect(page.getByTestId("contacts")).toContainText("Dana Director");
  });

  test(`refusals are the portal's own pages: copying by address, signing out by address (${mode})`, async ({ browser }) => {
    const { id } = await seedRequest({ title: `Copy by address ${mode}`, state: "withdrawn" });
    const page = await signedIn(browser, PARTNER, js);
    for (const [path, heading] of [
      [`/requests/${id}/copy`, "The request was not copied"],
      ["/sign-out", "Sign out with the button"],
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(405);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page).toHaveTitle(/3-1-1 Number Use Portal/);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByTestId("signed-in-as").or(page.getByRole("button", { name: "Sign out" }))).toBeVisible();
      await expectFitsEveryWidth(page, js);
    }
  });

  test(`an error with JavaScript off or on leaves focus on the error summary (${mode})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: js });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("error-summary")).toBeFocused();
    await signIn(page, NON_PARTNER);
    await page.goto("/requests/new?type=materials&chosen=1");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("error-summary")).toBeFocused();
  });
}

test("search: the box is a field like the filters (40 px, all four borders), and finds words in descriptions (1280 and 390 px)", async ({ page }) => {
  await signIn(page, PARTNER);
  await page.goto("/requests");
  const search = page.getByLabel("Search", { exact: true });
  const status = page.getByLabel("Status");
  const [searchBox, statusBox] = [await search.boundingBox(), await status.boundingBox()];
  expect(searchBox?.height).toBe(statusBox?.height);
  expect(await search.evaluate((e) => getComputedStyle(e).borderRightWidth)).toBe("1px");
  // "scheduling" is only in the seeded IVR request's description.
  await search.fill("scheduling");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("request-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("request-table")).toContainText("Bulk trash pickup IVR");
  await page.setViewportSize(PHONE);
  expect((await search.boundingBox())?.height).toBe(40);
  await expectAccessibleAsServed(page, true);
});

test("a date input's calendar button shows a focus ring when tabbed to", async ({ page }) => {
  await signIn(page, PARTNER);
  await page.goto("/requests");
  const from = page.getByLabel("Effective on or after");
  await from.focus();
  // Month, day and year, then the calendar button.
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
  const ring = await from.evaluate((input) => ({
    buttonFocused: input.matches(":focus-within") && !input.matches(":focus"),
    outline: getComputedStyle(input).outlineStyle,
    width: getComputedStyle(input).outlineWidth,
  }));
  expect(ring).toEqual({ buttonFocused: true, outline: "solid", width: "4px" });
});

test("the icon: /favicon.ico leads to the portal's icon, which every page links", async ({ page, request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(icon.url()).toMatch(/\/build\/_assets\/favicon-[A-Z0-9]{8}\.svg$/);
  await page.goto("/sign-in");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", new URL(icon.url()).pathname);
});

test("the help page: the procedure in plain words, its numbers from the rules, and who to ask", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Help", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help");
  await expect(page.getByRole("main")).toContainText("at least 7 calendar days");
  await expect(page.getByRole("main")).toContainText("at least 14 calendar days");
  await expect(page.getByRole("main")).not.toContainText(/\bR\d+\b/);
  for (const name of ["Dana Director", "Avery Assistant", "Ana Analyst", "Fin Finance", "Addy Admin"]) {
    await expect(page.getByTestId("contacts")).toContainText(name);
  }
  await expectFitsEveryWidth(page);
});
