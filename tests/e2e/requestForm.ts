// Filling in the request form as a person would, for the requester tests.
import { expect, type Page } from "@playwright/test";

export const PARTNER = "requester.partner@example.gov";
export const NON_PARTNER = "requester.nonpartner@example.gov";

/** USWDS draws its own radio; the input sits off screen, so people (and tests) click the label. */
export async function chooseRadio(page: Page, label: string) {
  await page.locator("label.usa-radio__label", { hasText: label }).click();
}

export async function startRequest(page: Page, typeLabel: string) {
  await page.goto("/requests/new");
  await expect(page.getByRole("heading", { level: 1, name: "Start a new request" })).toBeVisible();
  await chooseRadio(page, typeLabel);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(typeLabel);
}

export interface MaterialsAnswers {
  title: string;
  effectiveDate: string;
  endDate: string;
}

export async function fillMaterials(page: Page, a: MaterialsAnswers) {
  await page.getByLabel("Title", { exact: true }).fill(a.title);
  await page.getByLabel("Description", { exact: true }).fill("Postcards announcing the new leaf collection schedule.");
  await page.getByLabel("Kind of materials").selectOption("mailing");
  await page.getByLabel("Audience size").fill("40000");
  await page.getByLabel("First distribution date").fill(a.effectiveDate);
  await page.getByLabel("Last distribution date").fill(a.endDate);
  await page.getByLabel("Languages").fill("English, Spanish");
  await page.getByLabel("Contact person").fill("Pat Partner");
  await page.getByLabel("Contact phone").fill("240-777-0311");
}

/** Counts the form posts the page sends: with JavaScript, a form the browser finds wrong is never posted. */
export function countPosts(page: Page) {
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  return posts;
}
