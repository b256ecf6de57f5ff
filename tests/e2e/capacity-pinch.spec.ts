// Issue 19 B in the browser: the analyst imports the Center's normal week as CSV on the staffing
// baseline page, and the capacity calendar flags, in words, the day an approved mailing's calls
// need more agents than are planned (SPEC §5), in the month and day views; then fills the
// baseline's calls from the actual calls imported, seeing them before saving. axe on each page;
// JavaScript on and off.
import { expect, test } from "./fixtures";
import { formatDate } from "workflows";
import { importCalls } from "../../app/actuals/callImport.server";
import { sha256Of, sourceNamed } from "../../app/actuals/callSources.server";
import { expectAccessibleAsServed } from "./accessibility";
import { e2eDb } from "./database";
import { expectFitsEveryWidth } from "./layout";
import { ANALYST, signedIn } from "./review";
import { hydrated } from "./support";
import { closeSeedDb, inDays, seedRequest, TZ } from "./seedRequest";
import { NORMAL_WEEK_CSV } from "../support/staffingBaseline";

test.afterAll(closeSeedDb);

/** A weekday some months ahead, a day no other spec uses (one for each run). */
function quietWeekday(from: number): string {
  for (let days = from; ; days++) {
    const date = inDays(days);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) return date;
  }
}

for (const js of [true, false]) {
  const on = js ? "on" : "off";

  test(`set a baseline, then see the pinch point on the calendar (issue 19, JavaScript ${on})`, async ({ browser }) => {
    const day = quietWeekday(js ? 120 : 130);
    // Analysed (800 calls from its effective date) and approved.
    await seedRequest({ title: `Pinch point mailer (JavaScript ${on})`, state: "approvedWithFee", effectiveDate: day });

    const analyst = await signedIn(browser, ANALYST, js);
    await analyst.getByRole("link", { name: "Staffing baseline" }).click();
    await expect(analyst.getByRole("heading", { level: 1 })).toHaveText("Staffing baseline");
    if (js) await hydrated(analyst);
    await expectAccessibleAsServed(analyst, js);

    await analyst.getByLabel("Baseline file (CSV)").setInputFiles({ name: "week.csv", mimeType: "text/csv", buffer: Buffer.from(NORMAL_WEEK_CSV) });
    await analyst.getByRole("button", { name: "Import", exact: true }).click();
    await expect(analyst.getByTestId("done")).toHaveText(/imported|Nothing changed/);
    await expect(analyst.getByTestId("baseline-week").getByRole("row", { name: /Monday/ })).toContainText("08:00–16:00");
    await expectAccessibleAsServed(analyst, js);

    await analyst.goto(`/calendar?month=${day.slice(0, 7)}`);
    const cell = analyst.locator(`[data-date="${day}"]`);
    await expect(cell.getByTestId("pinch-point")).toContainText(/Pinch point \d+ agents? short/);
    await expect(analyst.getByTestId("pinch-summary")).toContainText(/pinch points? this month/);
    await expectAccessibleAsServed(analyst, js);

    await analyst.goto(`/calendar?day=${day}`);
    await expect(analyst.getByTestId("calendar-title")).toHaveText(formatDate(day));
    await expect(analyst.getByTestId("pinch-point")).toContainText(/short at \d\d:00–\d\d:00: \d+ needed for \d+ calls, 8 planned/);
    await expectAccessibleAsServed(analyst, js);
  });

  test(`fill the baseline's calls from the actual calls imported, seen before saved (issue 19, JavaScript ${on})`, async ({ browser }) => {
    // Setup only: a week of interval data on a queue no request is tied to, imported as /actuals
    // would (tests/e2e/actual-calls.spec.ts imports through the page). A week of 2020 no other
    // spec uses: Monday 2 to Sunday 8 March, or the next week for the second run.
    const monday = js ? "2020-03-02" : "2020-03-09";
    const sunday = js ? "2020-03-08" : "2020-03-15";
    // Other figures on each run, so each run's save is seen to change the baseline.
    const nine = js ? 30 : 40;
    const db = await e2eDb();
    const source = await sourceNamed(db, `Center ACD (JavaScript ${on})`, "other");
    const bytes = new TextEncoder().encode(["Date,Interval,Queue,Offered", `${monday},09:00,GENERAL,${nine}`, `${monday},09:30,GENERAL,12`, `${monday},10:00,GENERAL,20`].join("\n"));
    const analystId = (await db.user.findUniqueOrThrow({ where: { email: ANALYST } })).id;
    const mapping = { date: "Date", interval: "Interval", queue: "Queue", offered: "Offered" };
    const imported = await importCalls(db, { sourceId: source.id, mapping, source: bytes, fileName: "march.csv", sha256: sha256Of(bytes), userId: analystId, timeZone: TZ });
    expect(imported).toMatchObject({ ok: true });

    const analyst = await signedIn(browser, ANALYST, js);
    await analyst.goto("/capacity/baseline");
    if (js) await hydrated(analyst);
    await analyst.getByLabel("First day of the period").fill(monday);
    // A period shorter than a week is refused by its field, and nothing is shown.
    await analyst.getByLabel("Last day of the period").fill(monday);
    await analyst.getByRole("button", { name: "Show the calls by hour" }).click();
    await expect(analyst.getByTestId("error-summary")).toContainText("The period must be at least 7 days");
    await expect(analyst.getByTestId("actuals-preview")).toHaveCount(0);
    await expectAccessibleAsServed(analyst, js);

    await analyst.getByLabel("Last day of the period").fill(sunday);
    await analyst.getByRole("button", { name: "Show the calls by hour" }).click();
    const preview = analyst.getByTestId("actuals-preview");
    // Monday: 30 (or 40) + 12 calls at 09:00 and 20 at 10:00, on the one Monday of the period.
    await expect(preview.getByTestId("actuals-weekdays").getByRole("row", { name: /Monday/ })).toContainText(String(nine + 32));
    await expect(preview.getByTestId("actuals-hours").getByRole("row", { name: /09:00–10:00/ })).toContainText(String(nine + 12));
    await expect(preview.getByTestId("actuals-weekdays").getByRole("row", { name: /Tuesday/ })).toContainText("kept as it is");
    await expectFitsEveryWidth(analyst, js);
    // Nothing is saved before the analyst confirms.
    expect((await db.staffingBaselineHour.findUnique({ where: { weekday_hour: { weekday: 1, hour: 9 } } }))?.calls).not.toBe(nine + 12);

    await preview.getByRole("button", { name: "Save these calls in the baseline" }).click();
    await expect(analyst.getByTestId("done")).toContainText("now the averages of the actual calls");
    await expect(analyst.getByTestId("baseline-week").getByRole("row", { name: /Monday/ })).toContainText(String(nine + 32));
    await expectAccessibleAsServed(analyst, js);
  });
}
