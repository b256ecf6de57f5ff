// Sign-in for every demo role; the sign-in page refuses bad credentials without saying which part was wrong.
import { expect, test } from "./fixtures";
import { DEMO_ACCOUNTS } from "../../prisma/demo-accounts";
import { expectAccessible, signIn, signOut } from "./support";

test("the sign-in page is accessible and refuses a wrong password without naming the cause", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
  await page.getByLabel("E-mail address").fill("director@example.gov");
  await page.getByLabel("Password", { exact: true }).fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("The e-mail address or password is not right");
  await expect(page.getByLabel("E-mail address")).toHaveValue("director@example.gov");
  await expectAccessible(page);
});

for (const account of DEMO_ACCOUNTS) {
  test(`${account.role} (${account.email}) signs in and out`, async ({ page }) => {
    await signIn(page, account.email, { fresh: true });
    await expectAccessible(page);
    await signOut(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });
}
