// The request page as people read it (issue 13), for each finding of the walkthrough, at 1280
// and 390 px, with JavaScript on and off, axe at both widths; no page may log a console error
// or CSP violation (./fixtures). Setup goes through the real transition service (seedRequest);
// what is checked is what the browser shows.
import type { Browser, Locator, Page } from "@playwright/test";
import { formatDate } from "workflows";
import { expect, test } from "./fixtures";
import { DESKTOP, expectFitsEveryWidth, PHONE } from "./layout";
import { PARTNER } from "./requestForm";
import { ANALYST, DIRECTOR, FINANCE, signedIn } from "./review";
import { closeSeedDb, inDays, seedRequest, type SeedState } from "./seedRequest";

test.afterAll(closeSeedDb);

const box = async (locator: Locator) => {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} is not on screen`);
  return found;
};

/** Visible text of the page's main part. */
const mainText = (page: Page) => page.locator("main").innerText();
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

async function opened(browser: Browser, email: string, js: boolean, state: SeedState, title: string) {
  const { id, reference } = await seedRequest({ title, state, effectiveDate: inDays(30) });
  const page = await signedIn(browser, email, js);
  await page.setViewportSize(DESKTOP);
  await page.goto(`/requests/${id}`);
  return { page, id, reference };
}

for (const js of [true, false]) {
  const mode = js ? "JavaScript on" : "JavaScript off";

  test(`the reviewer's words are at the top of the request page and beside the edit form (${mode})`, async ({ browser }) => {
    const { page, id } = await opened(browser, PARTNER, js, "changesRequested", `Changes shown ${mode}`);
    const words = page.getByTestId("changes-asked-for");
    await expect(words.getByTestId("reviewer-comment")).toHaveText("Say which neighbourhoods get the mailer.");
    await expect(words).toContainText("Dana Director, Director");
    // Above the tracker and the actions: the first thing after the heading.
    expect((await box(words)).y).toBeLessThan((await box(page.getByTestId("progress"))).y);
    await expect(page.getByTestId("progress-heading")).toHaveText("Changes requested");
    await expectFitsEveryWidth(page, js);

    await page.goto(`/requests/${id}/edit`);
    const aside = page.getByRole("complementary", { name: "The reviewer's request" });
    const form = page.locator("form.usa-form");
    // 1280 px: the box is a sidebar, to the right of the form and level with the top of the page's content.
    const [asideAt, formAt, noticeAt] = [await box(aside), await box(form), await box(page.getByTestId("notice"))];
    expect(asideAt.x).toBeGreaterThanOrEqual(formAt.x + formAt.width);
    expect(Math.abs(asideAt.y - noticeAt.y)).toBeLessThan(40);
    // 390 px: first, above the notice and the form.
    await page.setViewportSize(PHONE);
    expect((await box(aside)).y + (await box(aside)).height).toBeLessThanOrEqual((await box(page.getByTestId("notice"))).y);
    await expectFitsEveryWidth(page, js);
  });

  test(`the fee, its working and Finance's reason are where it is accepted: "Accept the $250.00 fee" (${mode})`, async ({ browser }) => {
    const { page } = await opened(browser, PARTNER, js, "feeAcceptance", `Fee beside its button ${mode}`);
    const decision = page.getByTestId("fee-decision");
    await expect(decision.getByRole("heading", { name: "The fee: $250.00" })).toBeVisible();
    await expect(decision.getByTestId("fee-working")).toHaveText(
      "$0.00 set-up + 800 calls × $4.33 = $3,464.00, suggested by the fee schedule (version 1). Finance set $250.00 instead.",
    );
    await expect(decision.getByTestId("fee-reason")).toHaveText("Partner rate agreed with COM.");
    const accept = page.getByRole("button", { name: "Accept the $250.00 fee" });
    // The amount is read right above the button, not a screen further down under the analysis.
    const gap = (await box(accept)).y - (await box(decision.getByTestId("fee-working"))).y;
    expect(gap).toBeLessThan(300);
    expect((await box(accept)).y).toBeLessThan((await box(page.getByRole("heading", { name: "Call volume and fee" }))).y);
    await expectFitsEveryWidth(page, js);
  });

  test(`Finance reassesses a disputed fee with the department's reason in front of it (${mode})`, async ({ browser }) => {
    const { page, reference } = await opened(browser, FINANCE, js, "feeDisputed", `Disputed fee ${mode}`);
    await expect(page.getByTestId("dispute")).toContainText("We expected the partner rate of $150.");
    await page.getByRole("link", { name: "Reassess the disputed fee" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Reassess the disputed fee");
    await expect(page.getByTestId("dispute")).toContainText("We expected the partner rate of $150.");
    await expect(page.getByTestId("dispute")).toContainText("Pat Partner, Requester");
    await expectFitsEveryWidth(page, js);
    // The task on the home page says what it is.
    await page.goto("/");
    const task = page.getByTestId("tasks").getByRole("row", { name: new RegExp(reference) });
    await expect(task).toContainText("Reassess the disputed fee");

    // A fee that differs from the suggestion without a reason: the error is beside the reason field.
    await task.getByRole("link").click();
    await page.getByRole("link", { name: "Reassess the disputed fee" }).click();
    await page.getByLabel("Fee (US dollars)").fill("150");
    await page.getByRole("button", { name: "Set the fee" }).click();
    await expect(page.locator("#reason-error")).toContainText("reason");
    await expect(page.getByTestId("error-summary").getByRole("link")).toHaveAttribute("href", "#reason");
    await expect(page.getByLabel("Fee (US dollars)")).toHaveValue("150");
    await expectFitsEveryWidth(page, js);
  });

  test(`after approval the page keeps who approved it and when, both names (${mode})`, async ({ browser }) => {
    const { page } = await opened(browser, PARTNER, js, "approvedWithFee", `Approved record ${mode}`);
    const record = page.getByTestId("approved-by");
    await expect(record.getByRole("heading", { name: "Approved by" })).toBeVisible();
    const today = formatDate(inDays(0));
    await expect(record.getByRole("definition").nth(0)).toContainText(`Dana Director, ${today}`);
    await expect(record.getByRole("definition").nth(1)).toContainText(`Avery Assistant, ${today}`);
    await expect(record.locator("time")).toHaveCount(2);
    await expect(page.getByTestId("progress-heading")).toHaveText("Approved");
    await expectFitsEveryWidth(page, js);
  });

  test(`a closed request's tracker shows where and how it ended, also on a phone (${mode})`, async ({ browser }) => {
    const { page } = await opened(browser, PARTNER, js, "withdrawnInAnalysis", `Withdrawn tracker ${mode}`);
    await expect(page.getByTestId("progress-heading")).toHaveText("Call volume analysis: withdrawn here");
    await expect(page.locator(".portal-step--ended")).toHaveText(/Call volume analysis/);
    await expect(page.locator(".usa-step-indicator__segment--current")).toHaveCount(0);
    await expect(page.getByTestId("ending")).toContainText("Withdrawn by Pat Partner, Requester");
    await expect(page.getByTestId("ending")).toContainText("The mailing was cancelled.");
    await page.setViewportSize(PHONE);
    // On a phone the bars have no labels: the header says the step and how it ended.
    await expect(page.locator(".usa-step-indicator__segment-label").first()).toBeHidden();
    await expect(page.getByRole("heading", { name: "Progress: step 3 of 6 Call volume analysis: withdrawn here" })).toBeVisible();
    await expectFitsEveryWidth(page, js);
  });
}

test("the analysis: one figure each, the date it was recorded, a plain summary first, and a readable chart (1280 and 390 px)", async ({ browser }) => {
  const { page } = await opened(browser, PARTNER, true, "feeAcceptance", "Analysis as read");
  const analysis = page.getByTestId("analysis-summary");
  await expect(analysis.getByTestId("analysis-recorded")).toHaveText(`Recorded by Ana Analyst on ${formatDate(inDays(0))}.`);
  await expect(analysis.getByTestId("analysis-plain")).toContainText("The 3-1-1 Contact Center expects about 800 extra calls");
  // "Projected calls" once, not above the summary again.
  await expect(page.locator("dt", { hasText: /^Projected calls$/ })).toHaveCount(0);
  await expect(analysis.getByText("Projected calls in total")).toHaveCount(1);
  // The department reads the plain words; the staffing terms fold away.
  await expect(analysis.getByText("Erlang C", { exact: false })).toBeHidden();
  await analysis.getByText("How the Contact Center worked it out").click();
  await expect(analysis.getByTestId("extra-agents")).toContainText("Erlang C");

  // The chart's axis labels show (the CSP blocked visx's inline styles; ./fixtures fails on that).
  const wide = page.getByTestId("daily-calls-chart");
  await expect(wide.locator("text", { hasText: "Calls" })).toBeVisible();
  await expect(wide.locator("text", { hasText: /^Date$/ })).toBeVisible();
  // The whole label ("Jan 1" is also the start of "Jan 13").
  const firstDate = wide.locator("text", { hasText: new RegExp(`^${formatDate(inDays(30)).split(", ")[1]}$`) });
  await expect(firstDate).toBeVisible();
  expect((await box(firstDate)).x).toBeGreaterThanOrEqual((await box(wide)).x);
  await page.setViewportSize(PHONE);
  await expect(wide).toBeHidden();
  await expect(page.getByTestId("daily-calls-chart-narrow").locator("text", { hasText: "Calls" })).toBeVisible();
  await expectFitsEveryWidth(page);

  // The analyst, who works with the figures, sees them open.
  const analyst = await signedIn(browser, ANALYST);
  await analyst.goto(page.url());
  await expect(analyst.getByTestId("extra-agents")).toBeVisible();
});

test("dates read one way (Thu, Dec 10, 2026) on the request page, with <time datetime> for machines", async ({ browser }) => {
  const { page } = await opened(browser, DIRECTOR, true, "approvedWithFee", "Dates as read");
  const text = await mainText(page);
  expect(text).not.toMatch(ISO_DATE);
  expect(text).toContain(formatDate(inDays(30)));
  const effective = page.locator(`time[datetime="${inDays(30)}"]`).first();
  await expect(effective).toHaveText(formatDate(inDays(30)));
  // Kept on one line in a table cell on a phone.
  await page.setViewportSize(PHONE);
  const when = page.locator("td[data-label='When'] time").first();
  expect((await box(when)).height).toBeLessThan(30);
});

test("a reviewer's actions start right under 'What you can do', without a blank gap (1280 and 390 px)", async ({ browser }) => {
  const { page } = await opened(browser, DIRECTOR, true, "screening", "No gap under actions");
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    const heading = await box(page.getByRole("heading", { name: "What you can do" }));
    const first = await box(page.getByRole("button", { name: "Order a call volume analysis" }));
    expect(first.y - (heading.y + heading.height)).toBeLessThan(32);
  }
});

test("R18: the draft tells its department that COM sees it only once submitted; the Director cannot open it", async ({ browser }) => {
  const { page, id } = await opened(browser, PARTNER, true, "draft", "Own draft");
  await expect(page.getByTestId("next-step")).toContainText("COM, the 3-1-1 Contact Center and Finance see it only once it is submitted");
  const director = await signedIn(browser, DIRECTOR);
  const response = await director.goto(`/requests/${id}`);
  expect(response?.status()).toBe(404);
  await director.goto("/requests?q=Own%20draft");
  await expect(director.getByTestId("no-requests")).toBeVisible();
});
