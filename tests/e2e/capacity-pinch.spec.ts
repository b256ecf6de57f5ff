// Issue 19 B in the browser: the analyst imports the Center's normal week as CSV on the staffing
// baseline page, and the capacity calendar flags, in words, the day an approved mailing's calls
// need more agents than are planned (SPEC §5), in the month and day views; axe on each page.
import { expect, test } from "./fixtures";
import { formatDate } from "workflows";
import { ANALYST, signedIn } from "./review";
import { expectAccessible, hydrated } from "./support";
import { closeSeedDb, inDays, seedRequest } from "./seedRequest";

test.afterAll(closeSeedDb);

/** A weekday ~four months ahead, a day no other spec uses. */
function quietWeekday(): string {
  for (let days = 120; ; days++) {
    const date = inDays(days);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) return date;
  }
}

// Monday to Friday, 08:00 to 16:00: 60 calls and 8 agents an hour, just what 60 calls need at
// the demo's handle time and 80 % in 60 s, so a mailing's extra calls make the day short.
const WEEK = [
  "weekday,hour,calls,agents",
  ...["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"].flatMap((d) => [8, 9, 10, 11, 12, 13, 14, 15].map((h) => `${d},${h},60,8`)),
].join("\n");

test("set a baseline, then see the pinch point on the calendar (issue 19)", async ({ browser }) => {
  test.setTimeout(120_000);
  const day = quietWeekday();
  // Analysed (800 calls from its effective date) and approved.
  await seedRequest({ title: "Pinch point mailer", state: "approvedWithFee", effectiveDate: day });

  const analyst = await signedIn(browser, ANALYST);
  await analyst.getByRole("link", { name: "Staffing baseline" }).click();
  await expect(analyst.getByRole("heading", { level: 1 })).toHaveText("Staffing baseline");
  await hydrated(analyst);
  await expectAccessible(analyst);

  await analyst.getByLabel("Baseline file (CSV)").setInputFiles({ name: "week.csv", mimeType: "text/csv", buffer: Buffer.from(WEEK) });
  await analyst.getByRole("button", { name: "Import" }).click();
  await expect(analyst.getByTestId("done")).toHaveText(/imported|Nothing changed/);
  await expect(analyst.getByTestId("baseline-week").getByRole("row", { name: /Monday/ })).toContainText("08:00–16:00");
  await expectAccessible(analyst);

  await analyst.goto(`/calendar?month=${day.slice(0, 7)}`);
  const cell = analyst.locator(`[data-date="${day}"]`);
  await expect(cell.getByTestId("pinch-point")).toContainText(/Pinch point \d+ agents? short/);
  await expect(analyst.getByTestId("pinch-summary")).toContainText(/pinch points? this month/);
  await expectAccessible(analyst);

  await analyst.goto(`/calendar?day=${day}`);
  await expect(analyst.getByTestId("calendar-title")).toHaveText(formatDate(day));
  await expect(analyst.getByTestId("pinch-point")).toContainText(/short at \d\d:00–\d\d:00: \d+ needed for \d+ calls, 8 planned/);
  await expectAccessible(analyst);
});
