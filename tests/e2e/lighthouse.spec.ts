// `npm run lighthouse` runs and reports every audited page (issue 20). Its scores and timings
// are not asserted (they depend on the machine; axe checks every page in pages.spec.ts): this
// runs the whole script over every page with one cheap audit each (--smoke) and no byte counts,
// to keep it short. It needs the build, which `npm test` makes before the browser tests; the
// script starts a portal of its own on a free port.
import { expect, test } from "./fixtures";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const out = path.join(root, "var", "test", `lighthouse-${process.pid}`);

test("the Lighthouse script audits every page and reports each", async () => {
  test.setTimeout(20 * 60_000);
  const run = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["lighthouse/run.ts", "--no-build", "--smoke", "--no-transfer", `--out=${out}`],
    { cwd: root, encoding: "utf8", timeout: 19 * 60_000 },
  );
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  const report = JSON.parse(fs.readFileSync(path.join(out, "latest.json"), "utf8")) as {
    pages: Array<{ name: string; scores: { "best-practices": number | null } }>;
  };
  const markdown = fs.readFileSync(path.join(out, "latest.md"), "utf8");
  // Every role's pages and every page route (tests/unit/lighthouse-pages.test.ts checks the list itself).
  expect(report.pages.length).toBeGreaterThan(50);
  for (const page of report.pages) {
    // The smoke audit (the doctype) is scored under best practices.
    expect([page.name, typeof page.scores["best-practices"]]).toEqual([page.name, "number"]);
    expect(markdown).toContain(`| ${page.name} `);
  }
  for (const name of ["signed out: sign-in", "requester: new request", "director: calendar, month", "finance: fee", "admin: e-mail"]) {
    expect(report.pages.map((p) => p.name)).toContain(name);
  }
  fs.rmSync(out, { recursive: true, force: true });
});
