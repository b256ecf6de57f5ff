// R1: a requester of one department gets a plain 404 for another department's request,
// by address and by form post, with no hint that the request exists, and nothing changes.
import { expect, test } from "./fixtures";
import { expectAccessibleAsServed } from "./accessibility";
import { NON_PARTNER } from "./requestForm";
import { closeSeedDb, seedRequest, storedState } from "./seedRequest";
import { signIn } from "./support";

test.afterAll(closeSeedDb);

const MISSING = "00000000-0000-4000-8000-000000000000";

test("a Libraries requester cannot see or change a Public Works request (R1)", async ({ page, baseURL }) => {
  const secret = await seedRequest({ title: "Public Works secret mailer", state: "screening" });
  const withdrawn = await seedRequest({ title: "Public Works withdrawn mailer", state: "withdrawn" });
  const before = await storedState(secret.id);
  await signIn(page, NON_PARTNER);

  // What a request that does not exist looks like: the others must look exactly the same.
  const missing = await page.goto(`/requests/${MISSING}`);
  expect(missing?.status()).toBe(404);
  const notFound = await page.locator("main").innerText();
  expect(notFound).toContain("Page not found");
  await expectAccessibleAsServed(page, true);

  for (const path of ["", "/edit", "/check", "/confirmation"]) {
    const response = await page.goto(`/requests/${secret.id}${path}`);
    expect(response?.status(), `GET ${path || "/"}`).toBe(404);
    expect(await page.locator("main").innerText()).toBe(notFound);
    expect(await page.content()).not.toContain("secret mailer");
    expect(await page.content()).not.toContain(secret.reference);
  }

  const posts: Array<[string, Record<string, string>]> = [
    [`/requests/${secret.id}`, { intent: "WITHDRAW" }],
    [`/requests/${secret.id}`, { intent: "COMMENT", body: "Hello from Libraries" }],
    [`/requests/${secret.id}/edit`, { intent: "save", type: "materials", title: "Changed by Libraries" }],
    [`/requests/${secret.id}/check`, {}],
    [`/requests/${withdrawn.id}/copy`, {}],
  ];
  for (const [path, form] of posts) {
    const response = await page.request.post(path, { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(response.status(), `POST ${path} ${form.intent ?? ""}`).toBe(404);
    const body = await response.text();
    expect(body).not.toContain("mailer");
    expect(body).not.toContain(secret.reference);
  }
  expect(await storedState(secret.id)).toEqual(before);

  // Nor does the list or a search show it.
  await page.goto(`/requests?q=${encodeURIComponent(secret.reference)}`);
  await expect(page.getByTestId("no-requests")).toBeVisible();
  await page.goto("/requests?q=Public+Works");
  await expect(page.getByTestId("no-requests")).toBeVisible();
});
