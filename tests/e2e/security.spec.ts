// CSP in a real browser (issue 7): no violation on any page, and the pages' scripts run
// (the error summary takes focus, which only the JavaScript enhancement does).
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible, hydrated, signIn } from "./support";

/** Collects CSP violations from the console and from the securitypolicyviolation event. */
async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply|connect)/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return problems;
}

test("sign-in, the 404 page and the signed-in pages run their scripts with no CSP violation", async ({ page }) => {
  const problems = await watchCsp(page);

  await page.goto("/sign-in");
  await hydrated(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter your e-mail address");
  await expect(page.getByRole("alert")).toBeFocused();

  const notFound = await page.goto("/no-such-page");
  expect(notFound?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await hydrated(page);

  await signIn(page, "director@example.gov");
  await hydrated(page);

  await page.goto("/account/password");
  await hydrated(page);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(page.getByTestId("error-summary")).toContainText("Enter your current password");
  await expectAccessible(page);

  await page.goto("/account/mfa");
  await expect(page.getByText("Two-step sign-in is on for your account.")).toBeVisible();

  expect(problems).toEqual([]);
});

test("a requester can see the MFA enrolment page with its QR code, without a CSP violation", async ({ page }) => {
  const problems = await watchCsp(page);
  await signIn(page, "analyst@example.gov");
  await page.goto("/account/mfa");
  const qr = page.getByRole("img", { name: /QR code/ });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByTestId("mfa-secret")).toHaveText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("the response headers carry the policy", async ({ page }) => {
  const res = await page.goto("/sign-in");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("pages are never stored; the scripts, the USWDS styles, the font and the icon are fingerprinted and cached for a year", async ({ page, request }) => {
  const res = await page.goto("/sign-in");
  expect(res!.headers()["cache-control"]).toBe("no-store");
  // Read from the page as served: Remix drops its modulepreload links from the DOM at its first
  // render after hydration, which made reading them from the live page a race.
  const html = await res!.text();
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((tag) => tag[0]);
  const hrefs = links
    .filter((tag) => /\brel="(modulepreload|stylesheet|preload|icon)"/.test(tag))
    .map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1] ?? "");
  expect(hrefs.some((h) => /\/_assets\/uswds-[A-Z0-9]+\.css$/.test(h))).toBe(true);
  for (const href of hrefs) {
    expect(href).toMatch(/^\/build\/.*-[A-Z0-9]{8}\.(js|css|woff2|svg)$/);
    const asset = await request.get(href);
    expect([href, asset.status(), asset.headers()["cache-control"]]).toEqual([href, 200, "public, max-age=31536000, immutable"]);
  }
});
