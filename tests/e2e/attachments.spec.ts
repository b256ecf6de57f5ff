// Issue 14 in the browser: the department attaches files with JavaScript on and off (a plain
// multipart form), a refused file is named and what was typed stays, a reviewer sees the file
// (with its preview) and downloads it, and the approval letter downloads as a PDF. axe on the
// files page.
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { expectAccessibleAsServed } from "./accessibility";
import { PARTNER } from "./requestForm";
import { DIRECTOR, FINANCE, openRequest, signedIn } from "./review";
import { closeSeedDb, seedRequest } from "./seedRequest";
import { FILES } from "../support/files";
import { hydrated } from "./support";

test.afterAll(closeSeedDb);

for (const js of [true, false]) {
  test(`attach files, a refusal keeps the description, a reviewer sees and downloads them (JavaScript ${js ? "on" : "off"})`, async ({ browser }) => {
    const { id } = await seedRequest({ title: `Mailer with files ${js ? "js" : "no-js"}`, state: "changesRequested" });
    const requester = await signedIn(browser, PARTNER, js);
    await openRequest(requester, id);
    await requester.getByRole("link", { name: "Attach or take off files" }).click();
    await expectAccessibleAsServed(requester, js);

    // A web page renamed .png: refused, named, and the description kept.
    await requester.getByLabel("Choose files").setInputFiles({ name: "flyer.png", mimeType: "image/png", buffer: FILES.html });
    await requester.getByLabel("What the files are").fill("The flyer and the mailer");
    await requester.getByRole("button", { name: "Attach" }).click();
    await expect(requester.getByTestId("error-summary")).toContainText("flyer.png is not accepted: its name says PNG image, but its content is not one.");
    await expect(requester.getByLabel("What the files are")).toHaveValue("The flyer and the mailer");
    await expectAccessibleAsServed(requester, js);

    // Two real files at once. With JavaScript they go by XMLHttpRequest (upload progress); without, as a plain form.
    if (js) await hydrated(requester);
    await requester.getByLabel("Choose files").setInputFiles([
      { name: "flyer.png", mimeType: "image/png", buffer: FILES.png },
      { name: "mailer.pdf", mimeType: "application/pdf", buffer: FILES.pdf },
    ]);
    const posted = requester.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === `/requests/${id}/attachments`);
    await requester.getByRole("button", { name: "Attach" }).click();
    expect((await posted).resourceType()).toBe(js ? "xhr" : "document");
    await expect(requester.getByRole("status")).toContainText("Files attached.");
    await expect(requester.getByTestId("attachment")).toHaveCount(2);
    await expect(requester.getByRole("img", { name: "Preview of flyer.png" })).toBeVisible();

    // The Director sees them and downloads the PDF: the same bytes.
    const director = await signedIn(browser, DIRECTOR, js);
    await openRequest(director, id);
    await expect(director.getByTestId("attachments")).toContainText("Added by Pat Partner");
    const [download] = await Promise.all([director.waitForEvent("download"), director.getByRole("link", { name: "mailer.pdf" }).click()]);
    expect(download.suggestedFilename()).toBe("mailer.pdf");
    expect(readFileSync(await download.path())).toEqual(FILES.pdf);
  });
}

test("the approval letter downloads as a PDF from the request page (Finance)", async ({ browser }) => {
  const { id, reference } = await seedRequest({ title: "Approved mailer with a letter", state: "approvedWithFee" });
  const finance = await signedIn(browser, FINANCE, false);
  await openRequest(finance, id);
  const [download] = await Promise.all([finance.waitForEvent("download"), finance.getByTestId("letter-link").click()]);
  expect(download.suggestedFilename()).toBe(`${reference}-approval-letter.pdf`);
  expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe("%PDF-");
});
