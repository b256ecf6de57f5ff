// Issue 19 (part A) in the browser: the analyst uploads a phone system's export, maps its
// columns, checks the preview and imports it, ties a request to its queue code, and sees the
// forecast against actual on the request's page and on the accuracy page. axe on each page. With
// JavaScript on and off: every step is a plain form post.
import { expect, test } from "./fixtures";
import { expectAccessibleAsServed } from "./accessibility";
import { ANALYST, signedIn } from "./review";
import { e2eDb } from "./database";
import { closeSeedDb, inDays, seedRequest } from "./seedRequest";

test.afterAll(closeSeedDb);

for (const js of [true, false]) {
  test(`import an export, map it, tie a request to its queue and see forecast against actual (issue 19, JavaScript ${js ? "on" : "off"})`, async ({ browser }) => {
    const { id } = await seedRequest({ title: "Leaf postcard with actual calls", state: "approvedWithFee" });
    const db = await e2eDb();
    const days = (await db.analysis.findFirstOrThrow({ where: { requestId: id }, include: { days: { orderBy: { date: "asc" } } } })).days;
    // Setup only: the request's effective date has come.
    await db.request.update({ where: { id }, data: { effectiveDate: inDays(0) } });
    const queue = `LEAF_${js ? "JS" : "NOJS"}_${Date.now()}`;
    const csv = ["Queue,StartInterval,Contacts queued,Contacts handled,Contacts abandoned,Average handle time", ...days.slice(0, 3).map((d, i) => `${queue},${d.date}T14:00:00.000Z,${40 + i},${38 + i},2,250`)].join("\n");

    const analyst = await signedIn(browser, ANALYST, js);
    await analyst.goto("/actuals");
    await expectAccessibleAsServed(analyst, js);
    await analyst.getByLabel("Where the file comes from").selectOption("new");
    await analyst.getByLabel("Name of the new source").fill(`Amazon Connect ${queue}`);
    await analyst.getByLabel("Phone system").selectOption("amazon_connect");
    await analyst.getByLabel("Export file (CSV)").setInputFiles({ name: "connect.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await analyst.getByRole("button", { name: "Upload and preview" }).click();

    await expect(analyst.getByLabel("Topic or queue code")).toHaveValue("Queue");
    await analyst.getByRole("button", { name: "Save the mapping and preview" }).click();
    await expect(analyst.getByTestId("preview-count")).toContainText("3 good rows; 0 lines with a problem");
    await expectAccessibleAsServed(analyst, js);
    await analyst.getByRole("button", { name: "Import 3 rows" }).click();
    await expect(analyst.getByTestId("import-done")).toHaveText("Imported 3 rows.");

    await analyst.goto(`/requests/${id}`);
    await analyst.getByTestId("map-queues").click();
    await analyst.getByLabel("Topic or queue codes").fill(queue);
    await analyst.getByRole("button", { name: "Save the queue codes" }).click();
    const section = analyst.getByTestId("forecast-against-actual");
    await expect(section.getByTestId("actual-total")).toContainText(`${40 + 41 + 42} actual`);
    await expect(section.getByTestId("staffing-verdict")).not.toBeEmpty();
    await expect(section.getByTestId("actual-point").first()).toBeAttached();
    await expectAccessibleAsServed(analyst, js);

    await analyst.goto("/accuracy");
    await expect(analyst.getByTestId("worst-misses")).toContainText("Leaf postcard with actual calls");
    await expectAccessibleAsServed(analyst, js);
  });
}
