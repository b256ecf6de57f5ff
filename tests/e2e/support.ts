// Shared steps for the browser tests.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Secret, TOTP } from "otpauth";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { E2E_SESSIONS_DIR, E2E_TOTP_STEPS_FILE } from "./paths";

export function account(email: string) {
  const found = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!found) throw new Error(`No demo account ${email}`);
  return found;
}

/**
 * The last TOTP time step used per account: the portal refuses a code twice (RFC 6238 §5.2).
 * Kept in a file, because Playwright starts a new worker process after a failed test.
 */
const STEPS_FILE = E2E_TOTP_STEPS_FILE;
const lastStep = {
  read(): Record<string, number> {
    return existsSync(STEPS_FILE) ? (JSON.parse(readFileSync(STEPS_FILE, "utf8")) as Record<string, number>) : {};
  },
  get(email: string): number | undefined {
    return this.read()[email];
  },
  set(email: string, step: number) {
    writeFileSync(STEPS_FILE, JSON.stringify({ ...this.read(), [email]: step }));
  },
};

/** The code an authenticator app would show for a demo account, never one already used. */
export async function totpCodeFor(email: string): Promise<string> {
  const secret = account(email).totpSecret;
  if (!secret) throw new Error(`${email} has no demo TOTP secret`);
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  const now = Date.now();
  const step = Math.floor(now / 30_000);
  const used = lastStep.get(email);
  // The portal accepts the next step too (clock drift); past that, wait for the clock.
  const next = used === undefined || used < step ? step : used + 1;
  if (next > step + 1) await new Promise((r) => setTimeout(r, (next - 1) * 30_000 - now + 100));
  lastStep.set(email, next);
  return totp.generate({ timestamp: next * 30_000 });
}

const SESSIONS_DIR = E2E_SESSIONS_DIR;
const sessionFile = (email: string) => `${SESSIONS_DIR}/${email}.json`;

/**
 * Signs in through the sign-in pages, or reuses this account's session from an earlier test
 * while it is still valid: two-step codes are single-use, so signing in anew for every test
 * would mean waiting for the authenticator's next code.
 */
export async function signIn(page: Page, email: string, options: { fresh?: boolean } = {}) {
  if (!options.fresh && existsSync(sessionFile(email))) {
    await page.context().addCookies(JSON.parse(readFileSync(sessionFile(email), "utf8")));
    await page.goto("/");
    if (await page.getByTestId("signed-in-as").isVisible()) {
      await expect(page.getByTestId("signed-in-as")).toContainText(account(email).name);
      return;
    }
    await page.context().clearCookies();
  }
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The password's check is slow on purpose (scrypt); with the rest of `npm test` beside the
  // browser tests it can take longer than the 5 s an assertion waits by default.
  if (account(email).totpSecret) {
    await expect(page).toHaveURL(/\/sign-in\/verify/, { timeout: 15_000 });
    await page.getByLabel("Code").fill(await totpCodeFor(email));
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await expect(page.getByTestId("signed-in-as")).toContainText(account(email).name, { timeout: 15_000 });
  mkdirSync(SESSIONS_DIR, { recursive: true });
  writeFileSync(sessionFile(email), JSON.stringify(await page.context().cookies()));
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** WCAG 2.1 AA as axe checks it (R17). */
export async function expectAccessible(page: Page) {
  // Legacy mode runs axe in the page itself. The default opens a blank page in the context
  // to gather results from cross-origin frames, which the portal never embeds; that page and a
  // second copy of axe were half of every check's time (about 0.5 of 1 s).
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Resolves once React has hydrated the page (Remix's client entry ran). */
export async function hydrated(page: Page) {
  await expect.poll(() => page.evaluate(() => "__reactRouterVersion" in window || "__remixRouter" in window)).toBe(true);
}
