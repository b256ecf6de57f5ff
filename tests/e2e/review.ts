// Shared steps for the review tests (issue 5): one browser context per person, so each step
// is done by the demo account of that role, signed in once.
import { expect, type Browser, type Page } from "@playwright/test";
import { fillMaterials, startRequest } from "./requestForm";
import { hydrated, signIn } from "./support";

export const DIRECTOR = "director@example.gov";
export const ASSISTANT = "assistant.director@example.gov";
export const ANALYST = "analyst@example.gov";
export const FINANCE = "finance@example.gov";
export const ADMIN = "admin@example.gov";

export async function signedIn(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Through the requester's own pages: start, fill, check and submit. Returns the request's id. */
export async function submitMaterials(page: Page, title: string, effectiveDate: string): Promise<string> {
  await startRequest(page, "3-1-1 on departmental materials");
  await fillMaterials(page, { title, effectiveDate, endDate: effectiveDate });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Submit request" }).click();
  await page.getByRole("link", { name: "Follow the request" }).click();
  await expect(page.getByTestId("state")).toHaveText("Screening by COM");
  return new URL(page.url()).pathname.split("/")[2];
}

export async function openRequest(page: Page, id: string) {
  await page.goto(`/requests/${id}`);
}

export async function expectState(page: Page, label: string) {
  await expect(page.getByTestId("state")).toHaveText(label);
}

/**
 * Send a form the page does not offer, as a person could with the browser's tools: the
 * server must refuse it (the machine's reason shows), whatever the page showed.
 */
export async function postAnyway(page: Page, path: string, fields: Record<string, string>) {
  await page.evaluate(
    ({ path, fields }) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = path;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    { path, fields },
  );
  await page.waitForLoadState("load");
}

/**
 * USWDS draws its own checkbox; the input sits off screen, so people (and tests) click the label.
 * After hydration: the form library sets each field from its defaults when it starts, which
 * undid a click made before it (a flaky failure on a loaded machine). The router can exist
 * before React has taken over the page, so a click that was undone is made again.
 */
export async function toggleCheckbox(page: Page, label: string) {
  await hydrated(page);
  const box = page.getByRole("checkbox", { name: label });
  const was = await box.isChecked();
  await expect(async () => {
    if ((await box.isChecked()) === was) await page.locator("label.usa-checkbox__label", { hasText: label }).click();
    await expect(box).toBeChecked({ checked: !was, timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}
