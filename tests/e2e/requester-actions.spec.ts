// The requester's actions on the request page: withdraw, copy (R15), accept or dispute a fee,
// cancel and comment, with and without JavaScript. Only what the machine allows is offered.
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessibleAsServed } from "./accessibility";
import { PARTNER } from "./requestForm";
import { closeSeedDb, seedRequest, storedState } from "./seedRequest";
import { signIn } from "./support";

test.afterAll(closeSeedDb);

/** The <details> that holds an action's form, opened. */
async function openAction(page: Page, summary: string) {
  const details = page.locator("details", { has: page.locator("summary", { hasText: summary }) });
  await details.locator("summary").click();
  return details;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`request page actions, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });
    const mode = javaScriptEnabled ? "js" : "no-js";
    const check = (page: Page) => expectAccessibleAsServed(page, javaScriptEnabled);

    test("withdraws a submitted request, then copies it into a new draft (R15)", async ({ page }) => {
      const title = `Withdraw then copy ${mode}`;
      const { id, reference } = await seedRequest({ title, state: "screening" });
      await signIn(page, PARTNER);
      await page.goto(`/requests/${id}`);
      await expect(page.getByRole("button", { name: "Copy into a new draft" })).toHaveCount(0);
      const withdraw = await openAction(page, "Withdraw the request");
      await withdraw.getByLabel("Reason (optional)").fill("The mailing was postponed.");
      await withdraw.locator("button[type=submit]").click();
      await expect(page.getByRole("status")).toHaveText("Request withdrawn.");
      await expect(page.getByTestId("state")).toHaveText("Withdrawn");
      await expect(page.locator("details")).toHaveCount(0);
      await check(page);

      await page.getByRole("button", { name: "Copy into a new draft" }).click();
      await expect(page).toHaveURL(/\/requests\/[^/]+\/edit\?copied=1$/);
      const copyId = page.url().split("/")[4];
      expect(copyId).not.toBe(id);
      await expect(page.getByRole("status")).toContainText(`copied from ${reference} (${title})`);
      await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
      await expect(page.getByLabel("Audience size")).toHaveValue("40000");
      await expect(page.getByLabel("First distribution date")).toHaveValue("");
      await check(page);
      expect(await storedState(copyId)).toMatchObject({ state: "draft", title });
      expect((await storedState(id)).state).toBe("withdrawn");
    });

    test("accepts a fee with an account code, after being told one is needed", async ({ page }) => {
      const title = `Fee to accept ${mode}`;
      const { id, reference } = await seedRequest({ title, state: "feeAcceptance" });
      await signIn(page, PARTNER);
      const task = page.getByTestId("tasks").getByRole("row", { name: new RegExp(reference) });
      await expect(task).toContainText("Accept, dispute or decline the fee");
      await task.getByRole("link").click();
      await expect(page.getByTestId("fee")).toContainText("$250.00: set by Finance");
      await check(page);

      await page.getByRole("button", { name: "Accept the $250.00 fee" }).click();
      const summary = page.getByTestId("error-summary");
      await expect(summary.getByRole("link", { name: "Enter the account code to charge" })).toHaveAttribute("href", "#ACCEPT_FEE-accountCode");
      await expect(page.locator("#ACCEPT_FEE-accountCode-error")).toHaveText("Enter the account code to charge");
      await check(page);
      expect((await storedState(id)).state).toBe("feeAcceptance");

      await page.getByLabel("Account code to charge").fill("100-2000-311");
      await page.getByRole("button", { name: "Accept the $250.00 fee" }).click();
      await expect(page.getByRole("status")).toHaveText("Fee accepted.");
      await expect(page.getByTestId("state")).toHaveText("Awaiting decision");
      await expect(page.getByTestId("fee")).toHaveText("$250.00: accepted by the department, charged to account 100-2000-311.");
      await expect(page.getByRole("table")).toContainText("Account code 100-2000-311");
      await check(page);
    });

    test("disputes a fee with a comment, which is required", async ({ page }) => {
      const { id } = await seedRequest({ title: `Fee to dispute ${mode}`, state: "feeAcceptance" });
      await signIn(page, PARTNER);
      await page.goto(`/requests/${id}`);
      let dispute = await openAction(page, "Dispute the fee");
      await dispute.locator("button[type=submit]").click();
      const summary = page.getByTestId("error-summary");
      await expect(summary.getByRole("link", { name: "Explain why you dispute the fee" })).toHaveAttribute(
        "href",
        "#DISPUTE_FEE-comment",
      );
      await check(page);
      dispute = page.locator("details[open]", { has: page.locator("summary", { hasText: "Dispute the fee" }) });
      await dispute.getByLabel("Why you dispute the fee").fill("We expect far fewer calls: the mailer goes to 400 homes.");
      await dispute.locator("button[type=submit]").click();
      await expect(page.getByTestId("state")).toHaveText("Fee assessment");
      await expect(page.getByRole("status")).toHaveText("Fee disputed. Finance will look at it again.");
    });

    test("cancels an approved request before its effective date and adds a comment", async ({ page }) => {
      const { id } = await seedRequest({ title: `Approved to cancel ${mode}`, state: "approved" });
      await signIn(page, PARTNER);
      await page.goto(`/requests/${id}`);
      await page.getByLabel("Add a comment").fill("We will send the mailer next spring instead.");
      await page.getByRole("button", { name: "Add comment" }).click();
      await expect(page.locator("#comments ~ div > ul")).toContainText("We will send the mailer next spring instead.");
      const cancel = await openAction(page, "Cancel the request");
      await cancel.locator("button[type=submit]").click();
      await expect(page.getByTestId("state")).toHaveText("Cancelled");
      await check(page);
    });
  });
}
