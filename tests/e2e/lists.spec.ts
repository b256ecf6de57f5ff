// Each demo role sees the right requests (R1, R18, SPEC §2): requesters their department's
// only, drafts included; COM, the Contact Center and Finance every submitted request, never a
// draft (the Libraries card renewals line is one); the administrator none.
import { expect, test } from "./fixtures";
import { closeSeedDb, seedRequest } from "./seedRequest";
import { expectAccessible, signIn, signOut } from "./support";

const DPW = ["Leaf collection postcard", "Snow plow hotline routed to 3-1-1", "Bulk trash pickup IVR", "Road resurfacing door hangers"];
const LIB_SUBMITTED = "Summer reading flyer";
const LIB_DRAFT = "Library card renewals line";
const LIB = [LIB_SUBMITTED, LIB_DRAFT];
const SUBMITTED = { sees: [...DPW, LIB_SUBMITTED], doesNotSee: [LIB_DRAFT] };

test.afterAll(closeSeedDb);

const cases: Array<{ email: string; sees: string[]; doesNotSee: string[] }> = [
  { email: "requester.partner@example.gov", sees: DPW, doesNotSee: LIB },
  { email: "requester.nonpartner@example.gov", sees: LIB, doesNotSee: DPW },
  { email: "director@example.gov", ...SUBMITTED },
  { email: "assistant.director@example.gov", ...SUBMITTED },
  { email: "analyst@example.gov", ...SUBMITTED },
  { email: "finance@example.gov", ...SUBMITTED },
  { email: "admin@example.gov", sees: [], doesNotSee: [...DPW, ...LIB] },
];

for (const c of cases) {
  test(`${c.email} sees the right requests`, async ({ page }) => {
    await signIn(page, c.email);
    await page.goto("/requests");
    await expect(page.getByRole("heading", { name: "Requests", level: 1 })).toBeVisible();
    if (c.sees.length === 0) await expect(page.getByTestId("no-requests")).toBeVisible();
    await expectAccessible(page);
    // Searched for by title: earlier tests add requests, which can push the demo's off the first page.
    for (const title of [...c.sees, ...c.doesNotSee]) {
      await page.goto(`/requests?q=${encodeURIComponent(title)}`);
      await expect(page.getByRole("heading", { name: "Requests", level: 1 })).toBeVisible();
      const cell = page.getByRole("cell", { name: title, exact: true });
      if (c.sees.includes(title)) await expect(cell).toBeVisible();
      else await expect(cell).toHaveCount(0);
    }
  });
}

test("a request page shows its state, what happens next and its history", async ({ page }) => {
  await signIn(page, "director@example.gov");
  await page.goto("/requests");
  await page.getByRole("link", { name: /311-\d{4}-\d{4}/ }).first().click();
  await expect(page.getByTestId("state")).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expectAccessible(page);
});

test("the director's tasks list what waits for screening and sign-off, the fewest days left first", async ({ page }) => {
  // A second task of its own: the demo data alone gives the director one, and other specs' requests are not there when this file runs alone.
  await seedRequest({ title: "Director's second task", state: "screening" });
  await signIn(page, "director@example.gov");
  const tasks = page.getByTestId("tasks");
  await expect(tasks).toContainText("Leaf collection postcard");
  const daysLeft = (await tasks.locator('td[data-label="Days left"]').allInnerTexts()).map((text) => Number.parseInt(text, 10));
  expect(daysLeft.length).toBeGreaterThan(1);
  expect(daysLeft).toEqual([...daysLeft].sort((a, b) => a - b));
  // Already signed the IVR's director slot: not a task for the director any more.
  await expect(tasks).not.toContainText("Bulk trash pickup IVR");
  await expectAccessible(page);
});

test("my tasks page on from a place in the list, and lead back to the most urgent", async ({ page }) => {
  await signIn(page, "director@example.gov");
  // After every task there is: none left on this page, and the way back.
  await page.goto(`/?tasksAfter=${encodeURIComponent("9999-12-31~2999-01-01T00:00:00.000Z~z")}`);
  await expect(page.getByTestId("no-tasks")).toHaveText("No more tasks are waiting on you.");
  await expect(page.getByRole("link", { name: "Show more tasks" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "More tasks" }).getByRole("link", { name: "Back to your most urgent tasks" }).click();
  await expect(page.getByTestId("tasks")).toContainText("Leaf collection postcard");
  await expect(page.getByRole("navigation", { name: "More tasks" })).toHaveCount(0);
});

test("a requester gets 404 for another department's request, by URL and by form post (R1)", async ({ page, request }) => {
  await signIn(page, "director@example.gov");
  await page.goto("/requests?q=Summer");
  const href = await page.getByRole("link", { name: /311-\d{4}-\d{4}/ }).first().getAttribute("href");
  expect(href).toMatch(/^\/requests\//);
  // Wait for the sign-out to finish: its answer clears the session cookie, whoever holds it then.
  await signOut(page);

  await signIn(page, "requester.partner@example.gov");
  const response = await page.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Summer reading flyer")).toHaveCount(0);
  const cookies = await page.context().cookies();
  const post = await request.post(href!, {
    form: { intent: "WITHDRAW" },
    headers: {
      cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "),
      origin: new URL(page.url()).origin,
    },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(404);
});
