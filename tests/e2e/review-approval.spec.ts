// Issue 5, the whole way: a partner department submits, the Director orders an analysis, the
// Contact Center records it, Finance sets the fee, the department accepts it, both sign-offs
// are given, and the request is approved; each step by the demo account of that role. Once
// with JavaScript, once without (R17), with axe on every reviewer page.
import { expect, test } from "./fixtures";
import { expectAccessibleAsServed } from "./accessibility";
import { PARTNER } from "./requestForm";
import { ANALYST, ASSISTANT, DIRECTOR, expectState, FINANCE, openRequest, signedIn, submitMaterials } from "./review";
import { closeSeedDb, inDays } from "./seedRequest";

test.afterAll(closeSeedDb);

for (const js of [true, false]) {
  test(`submission → screening → analysis → fee → acceptance → both sign-offs → approved (JavaScript ${js ? "on" : "off"})`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const effective = inDays(js ? 20 : 21);
    const requester = await signedIn(browser, PARTNER, js);
    const id = await submitMaterials(requester, `Leaf mailer for review ${js ? "js" : "no-js"}`, effective);

    // Screening: the Director sees it in My tasks and orders an analysis.
    const director = await signedIn(browser, DIRECTOR, js);
    await expect(director.getByTestId("tasks")).toContainText(`Leaf mailer for review ${js ? "js" : "no-js"}`);
    await openRequest(director, id);
    await expectAccessibleAsServed(director, js);
    await director.getByRole("button", { name: "Order a call volume analysis" }).click();
    await expectState(director, "Call volume analysis");

    // Analysis: prefilled from the request; Calculate previews; Record stores it.
    const analyst = await signedIn(browser, ANALYST, js);
    await openRequest(analyst, id);
    await analyst.getByRole("link", { name: "Record the call volume analysis" }).click();
    await expect(analyst.getByLabel("Audience size")).toHaveValue("40000");
    await expect(analyst.getByLabel("First distribution date")).toHaveValue(effective);
    await analyst.getByRole("button", { name: "Calculate" }).click();
    // The response rate is the analyst's judgement: left blank, the form says so.
    await expect(analyst.getByTestId("error-summary")).toContainText("expected response rate");
    await expectAccessibleAsServed(analyst, js);
    await analyst.getByLabel("Expected response rate").fill("0.02");
    await analyst.getByRole("button", { name: "Calculate" }).click();
    await expect(analyst.getByRole("heading", { name: "Calculated (not recorded yet)" })).toBeVisible();
    await expect(analyst.getByTestId("projected-total")).toHaveText("800");
    await expect(analyst.getByTestId("daily-calls-chart")).toBeVisible();
    await expectAccessibleAsServed(analyst, js);
    await analyst.getByRole("button", { name: "Record analysis" }).click();
    await expectState(analyst, "Fee assessment");
    await expect(analyst.getByTestId("analysis-summary")).toContainText("800");
    await expect(analyst.getByTestId("daily-calls-chart")).toBeVisible();

    // Fee: the suggestion and its working; a different fee needs a reason (R13).
    const finance = await signedIn(browser, FINANCE, js);
    await openRequest(finance, id);
    await finance.getByRole("link", { name: "Assess the fee" }).click();
    await expect(finance.getByTestId("fee-working")).toHaveText("$0.00 set-up + 800 calls × $4.33 = $3,464.00");
    // The schedule in force (another test may have saved a version with the same figures).
    await expect(finance.getByTestId("schedule-version")).toHaveText(/^Version \d+$/);
    await expectAccessibleAsServed(finance, js);
    await finance.getByLabel("Fee (US dollars)").fill("3000");
    await finance.getByRole("button", { name: "Set the fee" }).click();
    // The machine's refusal, beside the field it is about (issue 13), and in the summary.
    await expect(finance.locator("#reason-error")).toContainText("reason");
    await expect(finance.getByTestId("error-summary").getByRole("link")).toHaveAttribute("href", "#reason");
    await expectAccessibleAsServed(finance, js);
    await finance.getByLabel("Reason for the fee").fill("Partner rate agreed with COM.");
    await finance.getByRole("button", { name: "Set the fee" }).click();
    await expectState(finance, "Fee awaiting acceptance");

    // The department accepts it with an account code.
    await openRequest(requester, id);
    await requester.getByLabel("Account code to charge").fill("100-2000");
    await expect(requester.getByTestId("fee-decision")).toContainText("Partner rate agreed with COM.");
    await requester.getByRole("button", { name: "Accept the $3,000.00 fee" }).click();
    await expectState(requester, "Awaiting decision");

    // Both sign-offs.
    await openRequest(director, id);
    await expect(director.getByTestId("fee")).toContainText("$3,000.00");
    await director.getByRole("button", { name: "Approve as Director" }).click();
    await expectState(director, "Awaiting decision");
    await expect(director.getByRole("region", { name: "Sign-offs" })).toContainText("Director: signed by Dana Director");
    await expect(director.getByRole("region", { name: "Sign-offs" })).toContainText("Assistant Director: awaited");
    const assistant = await signedIn(browser, ASSISTANT, js);
    await openRequest(assistant, id);
    await assistant.getByRole("button", { name: "Approve as Assistant Director" }).click();
    await expectState(assistant, "Approved");
    // Who signed stays on the page (issue 13).
    await expect(assistant.getByTestId("approved-by")).toContainText("Dana Director");
    await expect(assistant.getByTestId("approved-by")).toContainText("Avery Assistant");
    await expectAccessibleAsServed(assistant, js);

    // The Contact Center sees it on the calendar.
    await analyst.goto(`/calendar?view=week&date=${effective}`);
    await expect(analyst.locator(`[data-date="${effective}"]`)).toContainText("approved");
    await expectAccessibleAsServed(analyst, js);
  });
}
