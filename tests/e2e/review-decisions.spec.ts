// Issue 5: the other ways through COM review. No analysis (and so no fee, R13); a rejection
// with its reason; one person cannot fill both sign-off slots (R2); a reviewer who submitted
// a request cannot decide on it (R2).
import { expect, test } from "./fixtures";
import { expectAccessibleAsServed } from "./accessibility";
import { ADMIN, ASSISTANT, DIRECTOR, expectState, openRequest, postAnyway, signedIn, submitMaterials, toggleCheckbox } from "./review";
import { closeSeedDb, inDays, seedRequest } from "./seedRequest";

test.afterAll(closeSeedDb);

test("no analysis needed: straight to the decision, both sign, approved without a fee", async ({ browser }) => {
  const { id } = await seedRequest({ title: "Library hours flyer", state: "screening" });
  const director = await signedIn(browser, DIRECTOR);
  await openRequest(director, id);
  await director.getByRole("button", { name: "No analysis needed: go to the decision" }).click();
  await expectState(director, "Awaiting decision");
  await director.getByRole("button", { name: "Approve as Director" }).click();
  const assistant = await signedIn(browser, ASSISTANT);
  await openRequest(assistant, id);
  await assistant.getByRole("button", { name: "Approve as Assistant Director" }).click();
  await expectState(assistant, "Approved");
  await expect(assistant.getByTestId("fee")).toHaveCount(0);
});

test("rejection needs a reason, and then the request is closed", async ({ browser }) => {
  const { id } = await seedRequest({ title: "Robocall about parking", state: "screening" });
  const assistant = await signedIn(browser, ASSISTANT);
  await openRequest(assistant, id);
  await assistant.locator("summary", { hasText: "Reject the request" }).click();
  await assistant.getByRole("button", { name: "Reject the request" }).click();
  await expect(assistant.getByTestId("error-summary")).toContainText("Give the reason for the rejection");
  await expectAccessibleAsServed(assistant, true);
  await assistant.getByLabel("Reason for the rejection").fill("Not a 3-1-1 matter: residents should call the parking office.");
  await assistant.getByRole("button", { name: "Reject the request" }).click();
  await expectState(assistant, "Rejected");
  await expect(assistant.getByRole("table").last()).toContainText("Not a 3-1-1 matter");
});

test("the same person cannot fill both sign-off slots, even when acting in the other role (R2, R3)", async ({ browser }) => {
  test.setTimeout(180_000);
  const { id } = await seedRequest({ title: "Snow routes mailer", state: "screening" });
  // The admin makes Dana Director acting Assistant Director for today.
  const admin = await signedIn(browser, ADMIN);
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "Dana Director" }).click();
  // The link navigates in the browser, and the list page has fields of its own (the invitation form, with
  // role checkboxes): wait for Dana's page before filling anything.
  await expect(admin.getByRole("heading", { level: 1, name: "Dana Director" })).toBeVisible();
  await admin.getByLabel("Acting as").selectOption("assistant_director");
  await admin.getByLabel("First day").fill(inDays(0));
  await admin.getByLabel("Last day").fill(inDays(0));
  await admin.getByRole("button", { name: "Add the appointment" }).click();
  await expect(admin.getByTestId("appointments")).toContainText("Acting Assistant Director");
  await expectAccessibleAsServed(admin, true);

  const director = await signedIn(browser, DIRECTOR);
  await openRequest(director, id);
  await director.getByRole("button", { name: "No analysis needed: go to the decision" }).click();
  await director.getByRole("button", { name: "Approve as Director" }).click();
  await expect(director.getByText("Your sign-off is recorded.")).toBeVisible();
  // The machine no longer offers her the other slot; sent anyway, it is refused.
  await expect(director.getByRole("button", { name: "Approve as Assistant Director" })).toHaveCount(0);
  await postAnyway(director, `/requests/${id}`, { intent: "APPROVE", slot: "assistantDirector" });
  await expect(director.getByTestId("error-summary")).toContainText("two different people");
  await openRequest(director, id);
  await expectState(director, "Awaiting decision");

  await admin.reload();
  await admin.getByRole("button", { name: /Remove/ }).click();
  await expect(admin.getByText("No acting appointments.")).toBeVisible();
});

test("a reviewer who also files their department's requests cannot decide on their own (R2)", async ({ browser }) => {
  test.setTimeout(180_000);
  // The admin gives Dana Director the requester role for Communications too.
  const admin = await signedIn(browser, ADMIN);
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "Dana Director" }).click();
  // The link navigates in the browser, and the list page has fields of its own (the invitation form, with
  // role checkboxes): wait for Dana's page before filling anything.
  await expect(admin.getByRole("heading", { level: 1, name: "Dana Director" })).toBeVisible();
  await toggleCheckbox(admin, "Requester");
  await admin.getByRole("button", { name: "Save department and roles" }).click();
  await expect(admin.getByText("Department and roles saved.")).toBeVisible();

  const director = await signedIn(browser, DIRECTOR);
  await director.goto("/");
  const id = await submitMaterials(director, "COM newsletter with 3-1-1", inDays(15));
  await expect(director.getByRole("button", { name: "Order a call volume analysis" })).toHaveCount(0);
  await postAnyway(director, `/requests/${id}`, { intent: "NO_ANALYSIS" });
  await expect(director.getByTestId("error-summary")).toContainText("you cannot decide on it");

  const assistant = await signedIn(browser, ASSISTANT);
  await openRequest(assistant, id);
  await assistant.getByRole("button", { name: "No analysis needed: go to the decision" }).click();
  await expectState(assistant, "Awaiting decision");
  await openRequest(director, id);
  await expect(director.getByRole("button", { name: "Approve as Director" })).toHaveCount(0);
  await postAnyway(director, `/requests/${id}`, { intent: "APPROVE", slot: "director" });
  await expect(director.getByTestId("error-summary")).toContainText("you cannot decide on it");

  await admin.reload();
  await toggleCheckbox(admin, "Requester");
  await admin.getByRole("button", { name: "Save department and roles" }).click();
  await expect(admin.getByText("Department and roles saved.")).toBeVisible();
});
