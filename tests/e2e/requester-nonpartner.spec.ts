// A department without a 3-1-1 partnership: no automated response (R6), and 14 days' notice (R5).
import { formatDate } from "workflows";
import { expect, test } from "./fixtures";
import { expectAccessibleAsServed } from "./accessibility";
import { chooseRadio, countPosts, NON_PARTNER, startRequest } from "./requestForm";
import { inDays } from "./seedRequest";
import { signIn } from "./support";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`non-partner requester, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("cannot choose automated response (R6), by the form or by the address", async ({ page, baseURL }) => {
      await signIn(page, NON_PARTNER);
      await page.goto("/requests/new");
      await expect(page.getByRole("radio")).toHaveCount(2);
      await expect(page.getByRole("radio", { name: /Automated response/ })).toHaveCount(0);
      await expect(page.getByRole("group", { name: "What will your department do?" })).toContainText(
        "not a 3-1-1 partner department, so automated response systems are not open to it: they are for 3-1-1 partner departments only.",
      );
      await expectAccessibleAsServed(page, javaScriptEnabled);

      // Choosing nothing is an error, named in the summary.
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.getByTestId("error-summary")).toContainText("Choose one of the types of request open to your department");

      await page.goto("/requests/new?type=automated_response");
      await expect(page.getByTestId("error-summary")).toContainText("Choose one of the types of request open to your department");
      await expect(page.getByLabel("Automated response system")).toHaveCount(0);
      await expectAccessibleAsServed(page, javaScriptEnabled);

      // A hand-made post is refused and creates nothing.
      const posted = await page.request.post("/requests/new", {
        headers: { Origin: baseURL! },
        form: { type: "automated_response", intent: "draft", title: "Sneaky IVR", systemName: "IVR" },
        maxRedirects: 0,
      });
      expect(posted.status()).toBe(400);
      const after = await page.request.get("/requests?q=Sneaky+IVR");
      expect(await after.text()).toContain("No requests match.");
    });

    test("is held to 14 days' notice for call routing (R5)", async ({ page }) => {
      const title = `Book drop hotline ${javaScriptEnabled ? "js" : "no-js"}`;
      await signIn(page, NON_PARTNER);
      await startRequest(page, "Route calls to 3-1-1");
      await expect(page.getByTestId("notice")).toContainText("is not a 3-1-1 partner: give at least 14 calendar days' notice");
      await expect(page.getByTestId("earliest-date")).toContainText(formatDate(inDays(14)));
      await expect(page.getByLabel("First day calls are routed")).toHaveAttribute("min", inDays(14));

      // Nothing filled in: every missing answer is listed, each linking to its field.
      const posts = countPosts(page);
      await page.getByRole("button", { name: "Continue" }).click();
      const summary = page.getByTestId("error-summary");
      await expect(summary).toContainText("Enter a short title for the request");
      await expect(summary).toContainText("Choose permanent or temporary");
      await expect(summary.getByRole("link", { name: "Enter a short title for the request" })).toHaveAttribute("href", "#title");
      await expect(summary.getByRole("link", { name: "Choose permanent or temporary" })).toHaveAttribute("href", "#routing");
      await expect(page.locator("#routing")).toHaveCount(1);
      if (javaScriptEnabled) expect(posts).toEqual([]);
      await expectAccessibleAsServed(page, javaScriptEnabled);

      await page.getByLabel("Title", { exact: true }).fill(title);
      await page.getByLabel("Description", { exact: true }).fill("Calls about the book drop go to 3-1-1 during the renovation.");
      await page.getByLabel("Unit or line").fill("Book drop line 240-777-0000");
      await page.getByLabel("Calls a month").fill("1200");
      await chooseRadio(page, "Temporary");
      await page.getByLabel("First day calls are routed").fill(inDays(13));
      await page.getByLabel("Last day calls are routed").fill(inDays(40));
      await page.getByLabel("Contact person").fill("Noel Nonpartner");
      await page.getByLabel("Contact phone").fill("240-777-0312");
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(summary).toContainText("Departments without a 3-1-1 partnership must give at least 14 calendar days' notice");
      await expect(summary).toContainText(`The earliest effective date allowed is ${formatDate(inDays(14))}`);
      await expect(page.getByLabel("Unit or line")).toHaveValue("Book drop line 240-777-0000");
      await expect(page.getByRole("radio", { name: /Temporary/ })).toBeChecked();
      await expectAccessibleAsServed(page, javaScriptEnabled);

      await page.getByLabel("First day calls are routed").fill(inDays(14));
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page).toHaveURL(/\/check$/);
      await expect(page.getByTestId("answers")).toContainText("Temporary: calls go to 3-1-1 until an end date");
      await page.getByRole("button", { name: "Submit request" }).click();
      await expect(page.getByTestId("reference")).toHaveText(/^311-\d{4}-\d{4}$/);
    });
  });
}
