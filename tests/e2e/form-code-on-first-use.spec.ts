// Decision 0013, fourth pass: a form's checking code (react-hook-form, its resolver, the form's
// zod schema) is not downloaded with the page, only on the form's first use; what the person
// typed before it arrived is kept, and the browser then checks the form as before.
import { expect, test } from "./fixtures";
import { ADMIN, signedIn } from "./review";

test("the department form fetches its checking code on first use, keeps what was typed, then checks in the browser", async ({ browser }) => {
  const admin = await signedIn(browser, ADMIN, true);
  const scripts: string[] = [];
  admin.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await admin.goto("/admin/departments");
  await admin.waitForLoadState("networkidle");
  expect(scripts.filter((path) => path.includes("formEngine"))).toEqual([]);
  expect(scripts.filter((path) => path.includes("departmentForm"))).toEqual([]);

  const code = admin.getByLabel("Code");
  await code.fill("x1");
  await expect.poll(() => scripts.some((path) => path.includes("formEngine"))).toBe(true);
  await expect.poll(() => scripts.some((path) => path.includes("departmentForm"))).toBe(true);
  await expect(code).toHaveValue("x1");

  // Checked in the browser on leaving the field: no post, the error appears beside the field.
  const posts: string[] = [];
  admin.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await admin.getByLabel("Name").focus();
  await expect(admin.locator("#code-error")).toContainText("Enter a code of 2 to 10 letters, like DPW");
  await admin.getByRole("button", { name: /Add/ }).click();
  await expect(admin.getByTestId("error-summary")).toContainText("Enter a code of 2 to 10 letters");
  await expect(admin.getByTestId("error-summary")).toContainText("Enter the department's name");
  expect(posts).toEqual([]);
});
