// The request list: status, type and date filters, search on title and reference, and pages.
import { expect, test } from "./fixtures";
import { expectAccessibleAsServed } from "./accessibility";
import { NON_PARTNER } from "./requestForm";
import { closeSeedDb, inDays, seedRequest } from "./seedRequest";
import { signIn } from "./support";

test.afterAll(closeSeedDb);

// The list shows 25 a page: 26 drafts make a second page.
const PAGED = 26;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`request list, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });
    const mode = javaScriptEnabled ? "js" : "nojs";

    test("filters by status, type and dates, searches and pages", async ({ page }) => {
      const by = NON_PARTNER;
      const open = await seedRequest({ by, title: `Filter ${mode} open`, state: "screening", effectiveDate: inDays(40) });
      await seedRequest({ by, title: `Filter ${mode} withdrawn`, state: "withdrawn", effectiveDate: inDays(50) });
      for (let i = 1; i <= PAGED; i++) await seedRequest({ by, title: `Paging ${mode} ${i}`, state: "draft" });

      await signIn(page, by);
      await page.goto("/requests");
      const rows = page.getByTestId("request-table").locator("tbody tr");
      const apply = () => page.getByRole("button", { name: "Apply filters" }).click();

      await page.getByLabel("Search", { exact: true }).fill(`Filter ${mode}`);
      await apply();
      await expect(rows).toHaveCount(2);
      await expectAccessibleAsServed(page, javaScriptEnabled);

      await page.getByLabel("Status").selectOption({ label: "Withdrawn" });
      await apply();
      await expect(rows).toHaveCount(1);
      await expect(rows).toContainText(`Filter ${mode} withdrawn`);

      await page.getByLabel("Status").selectOption({ label: "Any status" });
      await page.getByLabel("Effective on or after").fill(inDays(45));
      await apply();
      await expect(rows).toHaveCount(1);
      await expect(rows).toContainText(`Filter ${mode} withdrawn`);

      await page.getByLabel("Effective on or after").fill("");
      await page.getByLabel("Effective on or before").fill(inDays(45));
      await apply();
      await expect(rows).toHaveCount(1);
      await expect(rows).toContainText(`Filter ${mode} open`);

      await page.getByLabel("Type").selectOption({ label: "Route calls to 3-1-1" });
      await apply();
      await expect(page.getByTestId("no-requests")).toBeVisible();

      await page.goto(`/requests?q=${open.reference}`);
      await expect(rows).toHaveCount(1);
      await expect(rows).toContainText(`Filter ${mode} open`);

      await page.goto("/requests");
      await page.getByLabel("Search", { exact: true }).fill(`Paging ${mode}`);
      await apply();
      // The unfiltered list has 25 rows too: wait for the search's own first page.
      await expect(page).toHaveURL(/[?&]q=Paging/);
      await expect(rows.first()).toContainText(`Paging ${mode} ${PAGED}`);
      await expect(rows).toHaveCount(25);
      await page.getByRole("link", { name: "Next page" }).click();
      await expect(rows).toHaveCount(PAGED - 25);
      await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
      // The search is kept from page to page.
      await expect(page.getByLabel("Search", { exact: true })).toHaveValue(`Paging ${mode}`);
      await expectAccessibleAsServed(page, javaScriptEnabled);
      await page.getByRole("link", { name: "Previous page" }).click();
      await expect(rows).toHaveCount(25);
      await expect(page.getByRole("table", { name: "Requests, page 1" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
    });
  });
}
