// Changes requested → edit beside the reviewer's comment → resubmit (R9), with and without JavaScript.
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessibleAsServed } from "./accessibility";
import { countPosts, PARTNER } from "./requestForm";
import { formatDate } from "workflows";
import { closeSeedDb, inDays, seedRequest, storedState } from "./seedRequest";
import { signIn, signOut } from "./support";

test.afterAll(closeSeedDb);

const COMMENT = "Say which neighbourhoods get the mailer.";

/** The director asks for changes on the request page, as COM would. */
async function directorRequestsChanges(page: Page, id: string) {
  await signIn(page, "director@example.gov");
  await page.goto(`/requests/${id}`);
  const details = page.locator("details", { has: page.locator("summary", { hasText: "Request changes" }) });
  await details.locator("summary").click();
  await details.getByLabel("What needs to change").fill(COMMENT);
  await details.locator("button[type=submit]").click();
  await expect(page.getByTestId("state")).toHaveText("Changes requested");
  await signOut(page);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`changes requested, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the requester edits beside the reviewer's comment and resubmits (R9)", async ({ page }) => {
      const title = `Leaf mailer for changes ${javaScriptEnabled ? "js" : "no-js"}`;
      if (javaScriptEnabled) {
        const { id } = await seedRequest({ title, state: "screening" });
        await directorRequestsChanges(page, id);
      } else {
        // The director's side was driven through the page in the JavaScript run; here it is set up directly.
        await seedRequest({ title, state: "changesRequested" });
      }

      await signIn(page, PARTNER);
      await page.getByTestId("tasks").getByRole("link", { name: new RegExp(title) }).click();
      await expect(page.getByTestId("state")).toHaveText("Changes requested");
      // Issue 13: the reviewer's words are on the request page, at the top, not only in the history.
      await expect(page.getByTestId("changes-asked-for").getByTestId("reviewer-comment")).toHaveText(COMMENT);
      await expect(page.getByTestId("changes-asked-for")).toContainText("Dana Director, Director");
      await page.getByRole("link", { name: "Make the changes and resubmit" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Change and resubmit the request");
      await expect(page.getByTestId("reviewer-comment")).toHaveText(COMMENT);
      await expect(page.getByTestId("notice")).toContainText("Notice counts from the first submission");
      await expectAccessibleAsServed(page, javaScriptEnabled);
      const id = page.url().split("/")[4];

      // Today is too soon: the notice still counts from the first submission (R9).
      await page.getByLabel("Title", { exact: true }).fill(`${title} (north end)`);
      await page.getByLabel("First distribution date").fill(inDays(0));
      await page.getByLabel("Last distribution date").fill(inDays(0));
      const posts = countPosts(page);
      await page.getByRole("button", { name: "Resubmit" }).click();
      const summary = page.getByTestId("error-summary");
      await expect(summary).toContainText("Partner departments must give at least 7 calendar days' notice, counted from the first submission");
      await expect(summary).toContainText(`The earliest effective date allowed is ${formatDate(inDays(7))}`);
      if (javaScriptEnabled) expect(posts).toEqual([]);
      await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`${title} (north end)`);
      await expect(page.getByLabel("First distribution date")).toHaveValue(inDays(0));
      await expect(page.getByTestId("reviewer-comment")).toHaveText(COMMENT);
      await expectAccessibleAsServed(page, javaScriptEnabled);
      expect(await storedState(id)).toMatchObject({ state: "changesRequested", title });

      await page.getByLabel("First distribution date").fill(inDays(20));
      await page.getByLabel("Last distribution date").fill(inDays(25));
      await page.getByRole("button", { name: "Resubmit" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request resubmitted");
      await expectAccessibleAsServed(page, javaScriptEnabled);
      expect(await storedState(id)).toMatchObject({ state: "screening", title: `${title} (north end)` });
    });
  });
}
