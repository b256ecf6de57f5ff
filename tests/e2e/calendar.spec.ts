// Issue 8 in the browser: a busy day on the capacity calendar lists only its first few
// requests and links to its day view, which lists them all in a table. With JavaScript and
// without (R17), with axe on both pages at 1280 and 390 px, and each entry with its title.
import { expect, test } from "./fixtures";
import { addCalendarDays, formatDate, formatMonth } from "workflows";
import { expectFitsEveryWidth } from "./layout";
import { ANALYST, signedIn } from "./review";
import { closeSeedDb, inDays, seedRequest } from "./seedRequest";
import { hydrated } from "./support";

test.afterAll(closeSeedDb);

for (const js of [true, false]) {
  test(`a busy day's "more" link opens its day view, which lists every request (issue 8, JavaScript ${js ? "on" : "off"})`, async ({
    browser,
  }) => {
    const day = inDays(js ? 75 : 76);
    const titles = [1, 2, 3, 4, 5].map((n) => `Busy day mailer ${n} ${js ? "js" : "no-js"}`);
    for (const title of titles) await seedRequest({ title, state: "approved", effectiveDate: day });

    const analyst = await signedIn(browser, ANALYST, js);
    await analyst.goto(`/calendar?month=${day.slice(0, 7)}`);
    // Hydration keeps the month's table, which the document alone carries (components/ServerMarkup.tsx).
    if (js) await hydrated(analyst);
    const cell = analyst.locator(`[data-date="${day}"]`);
    await expect(cell.getByRole("listitem")).toHaveCount(3);
    // Each with its title, not only its reference (issue 13).
    for (const item of await cell.getByRole("listitem").all()) await expect(item.locator(".portal-day__title")).not.toBeEmpty();
    // The demo data's long-running requests are in effect that day too.
    const count = (await cell.getByTestId("in-effect").textContent()) ?? "";
    const inEffect = Number(/^(\d+) requests in effect$/.exec(count)?.[1]);
    expect(inEffect).toBeGreaterThanOrEqual(titles.length);
    await expectFitsEveryWidth(analyst, js);

    // With JavaScript the day's plain links are followed in the page, as a <Link> is (components/InAppLinks.tsx).
    const marked = () => analyst.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);
    if (js) await analyst.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await cell.getByRole("link", { name: `${inEffect - 3} more on ${formatDate(day)}` }).click();
    await expect(analyst.getByTestId("calendar-title")).toHaveText(formatDate(day));
    expect(await marked()).toBe(js);
    const table = analyst.getByTestId("calendar-day");
    for (const title of titles) await expect(table).toContainText(title);
    await expect(table.getByRole("row")).toHaveCount(inEffect + 1);
    await expectFitsEveryWidth(analyst, js);
    await analyst.getByRole("link", { name: "Week view" }).click();
    await expect(analyst.getByTestId("calendar-week")).toContainText(titles[0]);
    await expectFitsEveryWidth(analyst, js);

    // Back to the month, and on to the next: with JavaScript, in the page, the month's table
    // coming as HTML from its loader (calendar/monthGrid.server.tsx).
    await analyst.getByRole("link", { name: "Month view" }).click();
    await expect(analyst.locator(`[data-date="${day}"]`).getByRole("listitem")).toHaveCount(3);
    await analyst.getByRole("link", { name: "Next month" }).click();
    const next = addCalendarDays(`${day.slice(0, 7)}-01`, 31).slice(0, 7);
    await expect(analyst.getByTestId("calendar-title")).toHaveText(formatMonth(next));
    await expect(analyst.locator(`[data-date="${next}-15"]`)).toContainText(formatDate(`${next}-15`));
    await expect(analyst.getByRole("table", { name: `Requests and projected extra calls by day, ${formatMonth(next)}` })).toBeVisible();
    expect(await marked()).toBe(js);
  });
}
