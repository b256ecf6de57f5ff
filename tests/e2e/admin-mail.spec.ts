// Undelivered e-mail (issue 6, R16): an administrator sees what failed and sends it again.
import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { simpleParser, type AddressObject } from "mailparser";
import { closeSeedDb, seedRequest } from "./seedRequest";
import { expectAccessible, signIn } from "./support";
import { addFailedMessage, e2eDb } from "./database";
import { E2E_MAIL_DIR } from "./paths";

/** The e2e server's MAIL_DIR (playwright.config.ts). */
const MAIL_DIR = E2E_MAIL_DIR;

test.afterAll(closeSeedDb);

async function statusOf(id: string): Promise<string> {
  return (await (await e2eDb()).outboxMessage.findUniqueOrThrow({ where: { id } })).status;
}

test("an administrator sees a failed e-mail with its error and sends it again", async ({ page }) => {
  const id = await addFailedMessage();
  await signIn(page, "admin@example.gov");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Undelivered e-mail" }).click();
  const row = page.getByTestId("failed-mail").getByRole("row", { name: /lost@example\.gov/ });
  await expect(row).toContainText("550 mailbox unavailable");
  await expectAccessible(page);
  await row.getByRole("button", { name: /Send again/ }).click();
  await expect(page.getByRole("status")).toContainText("queued");
  await expect(page.getByText("lost@example.gov")).toHaveCount(0);
  // The server's dispatcher picks it up and delivers it to the outbox folder.
  await expect.poll(() => statusOf(id), { timeout: 20_000 }).toBe("sent");
});

test("the running portal writes each notification as a readable .eml in its outbox folder (R16)", async () => {
  const { reference } = await seedRequest({ title: "Outbox folder check", state: "screening" });
  const files = () =>
    readdirSync(MAIL_DIR)
      .filter((name) => name.endsWith(".eml"))
      .map((name) => readFileSync(`${MAIL_DIR}/${name}`, "utf8"))
      .filter((text) => text.includes(reference));
  // Submitted: one e-mail to each reviewer and a receipt to the requester.
  await expect.poll(() => files().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  const parsed = await Promise.all(files().map((text) => simpleParser(text)));
  const bySubject = parsed.map((m) => `${m.subject} → ${(m.to as AddressObject).value[0].address}`).sort();
  expect(bySubject).toEqual(
    expect.arrayContaining([expect.stringMatching(new RegExp(`^${reference}: .* → director@example\\.gov$`))]),
  );
  for (const mail of parsed) {
    expect(mail.text).toContain(`/requests/`);
    expect(mail.html).toContain(reference);
  }
});
