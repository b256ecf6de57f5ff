// Single sign-on in a real browser (issue 18): a portal of its own, started by this spec with
// OIDC_* pointing at a real `oidc-provider` on a loopback port (tests/support/oidcProvider.ts),
// so the shared e2e server keeps its password-only sign-in page. The button leads to the
// provider and back; a director whose provider did MFA is not asked for the portal's code; a
// person with no account sees the portal's "ask your administrator" page; sign-out ends the
// portal session and goes on to the provider's end-session page. This portal has
// LOCAL_SIGN_IN=off: no password form, and no change-password page (issue 18).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./support";
import { startTestProvider, type TestProvider } from "../support/oidcProvider";
import { freePort } from "../support/freePort";

let portal: ChildProcess | undefined;
let idp: TestProvider;
let base: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  idp = await startTestProvider({ redirectUri: `${base}/sign-in/oidc/callback`, postLogoutRedirectUri: `${base}/sign-in` });
  const dir = `var/e2e/sso-${port}`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  portal = spawn("npm", ["run", "--silent", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:./${dir}/portal.db`,
      APP_URL: base,
      MAIL_DIR: `./${dir}/mail`,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_NAME: "County ID",
      LOCAL_SIGN_IN: "off",
    },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The single sign-on portal did not start");
});

test.afterAll(async () => {
  // The npm process and the server under it: the group this spec started.
  if (portal?.pid) process.kill(-portal.pid, "SIGTERM");
  await idp?.stop();
});

test("a director signs in with the provider's MFA, without the portal's code, and signs out there too", async ({ page }) => {
  idp.people.set("sub-dana", { sub: "sub-dana", email: "director@example.gov", emailVerified: true, name: "Dana" });
  idp.nextLogin({ sub: "sub-dana", amr: ["pwd", "mfa"] });
  await page.goto(`${base}/sign-in`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Sign in with County ID" }).click();
  await expect(page).toHaveURL(`${base}/`);
  await expect(page.locator(".portal-user__name")).toHaveText("Dana Director");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/session/end`));
  await page.goto(`${base}/requests`);
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Frequests$/);
});

test("a person with no account sees the portal's page: ask your administrator for access", async ({ page }) => {
  idp.people.set("sub-sam", { sub: "sub-sam", email: "sam.stranger@example.gov", emailVerified: true, name: "Sam" });
  idp.nextLogin({ sub: "sub-sam" });
  await page.goto(`${base}/sign-in`);
  await page.getByRole("link", { name: "Sign in with County ID" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask your administrator for access");
  await expect(page.getByTestId("sso-refused")).toHaveAttribute("data-reason", "unknown");
  await expectAccessible(page);
});

test("LOCAL_SIGN_IN=off: no password form; Account leads to two-step sign-in; the change-password page says there are no passwords", async ({ page }) => {
  await page.goto(`${base}/sign-in`);
  await expect(page.getByLabel("Password")).toHaveCount(0);
  idp.people.set("sub-dana", { sub: "sub-dana", email: "director@example.gov", emailVerified: true, name: "Dana" });
  idp.nextLogin({ sub: "sub-dana", amr: ["pwd", "mfa"] });
  await page.getByRole("link", { name: "Sign in with County ID" }).click();
  await expect(page.locator(".portal-user__name")).toHaveText("Dana Director");

  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(`${base}/account/mfa`);
  await expect(page.getByRole("link", { name: "Change your password" })).toHaveCount(0);

  const response = await page.goto(`${base}/account/password`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The portal has no passwords");
  await expect(page.getByLabel("Current password")).toHaveCount(0);
  await expectAccessible(page);
});
