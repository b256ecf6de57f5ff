// A partner department's requester submits a materials request (R4, R7, R8), with and without JavaScript.
import { formatDate } from "workflows";
import { expect, test } from "./fixtures";
import { countPosts, fillMaterials, PARTNER, startRequest } from "./requestForm";
import { closeSeedDb, inDays, storedState } from "./seedRequest";
import { expectAccessibleAsServed } from "./accessibility";
import { signIn } from "./support";

test.afterAll(closeSeedDb);

for (const javaScriptEnabled of [true, false]) {
  test.describe(`partner requester, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("submits a materials request 7 days out and gets a reference (R4)", async ({ page }) => {
      const title = `Leaf mailer 7 days ${javaScriptEnabled ? "js" : "no-js"}`;
      await signIn(page, PARTNER);
      await page.getByRole("link", { name: "Start a new request" }).click();
      await expectAccessibleAsServed(page, javaScriptEnabled);
      await startRequest(page, "3-1-1 on departmental materials");
      // The partner status and the earliest date are shown as soon as the type is known.
      await expect(page.getByTestId("notice")).toContainText("is a 3-1-1 partner: give at least 7 calendar days' notice");
      await expect(page.getByTestId("earliest-date")).toContainText(formatDate(inDays(7)));
      await expect(page.getByLabel("First distribution date")).toHaveAttribute("min", inDays(7));
      await expectAccessibleAsServed(page, javaScriptEnabled);

      await fillMaterials(page, { title, effectiveDate: inDays(7), endDate: inDays(9) });
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page).toHaveURL(/\/requests\/[^/]+\/check$/);
      const answers = page.getByTestId("answers");
      await expect(answers).toContainText(title);
      await expect(answers).toContainText("Mailing");
      await expect(answers).toContainText(formatDate(inDays(7)));
      await expectAccessibleAsServed(page, javaScriptEnabled);

      await page.getByRole("button", { name: "Submit request" }).click();
      await expect(page).toHaveURL(/\/confirmation$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request submitted");
      const reference = page.getByTestId("reference");
      await expect(reference).toHaveText(/^311-\d{4}-\d{4}$/);
      await expectAccessibleAsServed(page, javaScriptEnabled);
      const ref = await reference.innerText();

      // Home lists it among the department's requests with its status and what happens next.
      await page.getByRole("link", { name: "Go to your home page" }).click();
      const row = page.getByTestId("request-table").getByRole("row", { name: new RegExp(ref) });
      await expect(row).toContainText("Screening by COM");
      await expect(row).toContainText("will screen the request");
      await page.goBack();

      await page.getByRole("link", { name: "Follow the request" }).click();
      await expect(page.getByTestId("state")).toHaveText("Screening by COM");
      await expectAccessibleAsServed(page, javaScriptEnabled);
    });

    test("is refused 6 days out, keeps every value and names the rule and the earliest date (R8)", async ({ page }) => {
      const title = `Leaf mailer 6 days ${javaScriptEnabled ? "js" : "no-js"}`;
      await signIn(page, PARTNER);
      await startRequest(page, "3-1-1 on departmental materials");
      await fillMaterials(page, { title, effectiveDate: inDays(6), endDate: inDays(6) });
      const posts = countPosts(page);
      await page.getByRole("button", { name: "Continue" }).click();

      const summary = page.getByTestId("error-summary");
      await expect(summary).toContainText("Partner departments must give at least 7 calendar days' notice");
      await expect(summary).toContainText(`The earliest effective date allowed is ${formatDate(inDays(7))}`);
      await expect(summary.getByRole("link")).toHaveAttribute("href", "#effectiveDate");
      await expect(page.locator("#effectiveDate-error")).toContainText(formatDate(inDays(7)));
      if (javaScriptEnabled) {
        // The same schema ran in the browser: the error came before anything was posted.
        await expect(summary).toBeFocused();
        expect(posts).toEqual([]);
      }
      await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
      await expect(page.getByLabel("Audience size")).toHaveValue("40000");
      await expect(page.getByLabel("Kind of materials")).toHaveValue("mailing");
      await expect(page.getByLabel("First distribution date")).toHaveValue(inDays(6));
      await expect(page.getByLabel("Contact phone")).toHaveValue("240-777-0311");
      await expectAccessibleAsServed(page, javaScriptEnabled);

      // Saved as a draft as it is, the machine still refuses it at SUBMIT and nothing is lost.
      await page.getByRole("button", { name: "Save as draft" }).click();
      await expect(page).toHaveURL(/\/edit\?saved=1$/);
      await expect(page.getByRole("status")).toContainText("is saved");
      await expectAccessibleAsServed(page, javaScriptEnabled);
      const id = page.url().split("/")[4];
      await page.goto(`/requests/${id}/check`);
      await page.getByRole("button", { name: "Submit request" }).click();
      const refusal = page.getByTestId("error-summary");
      await expect(refusal).toContainText("The request was not submitted");
      await expect(refusal).toContainText(`7 calendar days' notice. The earliest effective date allowed is ${formatDate(inDays(7))}`);
      await expectAccessibleAsServed(page, javaScriptEnabled);
      expect((await storedState(id)).state).toBe("draft");

      await refusal.getByRole("link", { name: "Change the effective date" }).click();
      await expect(page).toHaveURL(new RegExp(`/requests/${id}/edit#effectiveDate$`));
      await expect(page.getByLabel("First distribution date")).toHaveValue(inDays(6));
      await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);

      // The draft, corrected, goes through the check page (EDIT, then SUBMIT).
      await page.getByLabel("First distribution date").fill(inDays(7));
      await page.getByLabel("Last distribution date").fill(inDays(7));
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page).toHaveURL(new RegExp(`/requests/${id}/check$`));
      await page.getByRole("button", { name: "Submit request" }).click();
      await expect(page.getByTestId("reference")).toHaveText(/^311-\d{4}-\d{4}$/);
      expect((await storedState(id)).state).toBe("screening");
    });
  });
}
