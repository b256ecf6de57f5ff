// Issue 19 (calibration) in the browser, with JavaScript on and off: the analyst sees past
// accuracy for similar requests on the analysis form, uses the suggested factor, sees the
// calibrated preview beside the calculator's total, records, and the request page says what was
// decided. axe on the form. The exact figures are the integration tests' (analysis-calibration).
import { expect, test } from "./fixtures";
import { expectAccessibleAsServed } from "./accessibility";
import { e2eDb } from "./database";
import { ANALYST, signedIn } from "./review";
import { closeSeedDb, inDays, seedRequest } from "./seedRequest";

test.afterAll(closeSeedDb);

/** Setup only: an approved request in effect, tied to a queue of its own with `actual` calls imported over its forecast days. */
async function pastRequest(title: string, actual: number): Promise<void> {
  const { id, reference } = await seedRequest({ title, state: "approvedWithFee" });
  const db = await e2eDb();
  await db.request.update({ where: { id }, data: { effectiveDate: inDays(0) } });
  const days = (await db.analysis.findFirstOrThrow({ where: { requestId: id }, include: { days: { orderBy: { date: "asc" } } } })).days;
  const queue = `CAL_${reference}`;
  const source = await db.callSource.upsert({ where: { name: "Calibration e2e" }, create: { name: "Calibration e2e", system: "other" }, update: {} });
  await db.requestQueue.create({ data: { requestId: id, queue } });
  await db.actualCalls.createMany({
    data: [
      { sourceId: source.id, date: days[0].date, interval: "", queue, offered: actual, importId: "setup", line: 2 },
      { sourceId: source.id, date: days[days.length - 1].date, interval: "", queue, offered: 0, importId: "setup", line: 3 },
    ],
  });
}

test.beforeAll(async () => {
  await pastRequest("Calibration: storm drain mailer", 600);
  await pastRequest("Calibration: leaf collection mailer", 760);
});

for (const javaScriptEnabled of [true, false]) {
  test(`the analyst uses the suggested calibration factor and the request page shows it, JavaScript ${javaScriptEnabled ? "on" : "off"} (issue 19)`, async ({ browser }) => {
    const { id } = await seedRequest({ title: `Bulk trash mailer (JavaScript ${javaScriptEnabled ? "on" : "off"})`, state: "analysis" });
    const analyst = await signedIn(browser, ANALYST, javaScriptEnabled);
    await analyst.goto(`/requests/${id}/analysis`);

    const panel = analyst.getByRole("group", { name: "Past accuracy for similar requests" });
    await expect(panel.getByTestId("calibration-summary")).toContainText("have actual calls to compare");
    await expect(panel.getByTestId("calibration-summary")).toContainText(/forecasts were \d+ % too (high|low) on average|about right on average/);
    const similar = panel.getByTestId("similar-requests");
    await expect(similar.getByRole("link", { name: /Calibration: storm drain mailer/ })).toBeVisible();
    await expect(similar.getByRole("link", { name: /Calibration: leaf collection mailer/ })).toBeVisible();
    const requests = await similar.locator("tbody tr").count();
    expect(requests).toBeGreaterThanOrEqual(2);
    const factor = (await panel.getByTestId("suggested-factor").textContent())!.trim();
    expect(Number(factor)).toBeGreaterThanOrEqual(0.25);
    await expect(analyst.getByLabel("Calibration factor")).toHaveValue("1");
    await expectAccessibleAsServed(analyst, javaScriptEnabled);

    await analyst.getByLabel("Expected response rate").fill("0.02");
    await analyst.getByRole("button", { name: `Use the suggested factor (${factor})` }).click();
    await expect(analyst.getByLabel("Calibration factor")).toHaveValue(factor);
    const decided = factor === "1" ? "Not calibrated" : `Calibrated × ${factor}`;
    const preview = analyst.getByTestId("calibration");
    await expect(preview).toContainText(factor === "1" ? "Not calibrated: 800 calls as calculated" : `${decided}: the calculator's 800 calls become`);
    const calibratedTotal = (await analyst.getByTestId("projected-total").textContent())!.trim();
    if (factor !== "1") await expect(preview).toHaveText(`${decided}: the calculator's 800 calls become ${calibratedTotal}`);
    await expectAccessibleAsServed(analyst, javaScriptEnabled);

    await analyst.getByRole("button", { name: "Record analysis" }).click();
    await expect(analyst).toHaveURL(new RegExp(`/requests/${id}\\?done=RECORD_ANALYSIS`));
    await expect(analyst.getByTestId("projected-total")).toHaveText(calibratedTotal);
    await expect(analyst.getByTestId("calibration")).toHaveText(`${decided} (suggested ${factor} from ${requests} similar requests)`);
  });
}
