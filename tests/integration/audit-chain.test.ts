// The audit trail cannot be quietly edited: `npm run audit:verify` names the first tampered entry.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnsOf } from "../../app/requests/answers";
import { verifyAuditChains } from "../../app/requests/audit.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition } from "../../app/requests/transition.server";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { createTestDb, type TestDb } from "../support/testDb";

const NOW = new Date("2026-11-22T15:00:00Z");
const TZ = "America/New_York";
let t: TestDb;

function verifyCommand(): { code: number; output: string } {
  try {
    const output = execFileSync("npx", ["tsx", "scripts/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "test" },
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  t = await createTestDb("audit-chain");
  await seedDatabase(t.db, { scryptParams: FAST_SCRYPT });
  const requester = await personAt(t.db, "requester.partner@example.gov", NOW);
  const director = await personAt(t.db, "director@example.gov", NOW);
  for (const title of ["First", "Second"]) {
    const columns = columnsOf({
      type: "automated_response",
      title,
      description: "IVR for permits",
      effectiveDate: "2026-12-01",
      systemName: "Permits IVR",
      contactName: "Pat",
      contactPhone: "240-777-0311",
    });
    const { id } = await createDraft(t.db, { user: requester, columns, now: NOW, timeZone: TZ });
    await transition(t.db, { request: id, by: requester, event: { type: "SUBMIT" }, now: NOW, timeZone: TZ });
    await transition(t.db, {
      request: id,
      by: director,
      event: { type: "REQUEST_CHANGES", comment: "Say when the IVR goes live." },
      now: NOW,
      timeZone: TZ,
    });
  }
});

afterAll(async () => {
  await t.cleanup();
});

describe("audit hash chain", () => {
  it("an untouched trail verifies, entry by entry", async () => {
    expect(await verifyAuditChains(t.db)).toEqual({ ok: true, entries: 6 });
    const run = verifyCommand();
    expect(run.code).toBe(0);
    expect(run.output).toContain("All 6 audit entries verify.");
  });

  it("a comment changed directly in the database is found, and the command names that entry", async () => {
    const target = await t.db.auditEntry.findFirstOrThrow({ where: { event: "REQUEST_CHANGES" }, orderBy: { id: "asc" } });
    await t.db.$executeRaw`UPDATE "AuditEntry" SET comment = ${"Looks fine."} WHERE id = ${target.id}`;
    const verdict = await verifyAuditChains(t.db);
    expect(verdict).toMatchObject({ ok: false, brokenAt: { id: target.id, why: expect.stringMatching(/content/) } });
    const run = verifyCommand();
    expect(run.code).toBe(1);
    expect(run.output).toContain(`Audit entry ${target.id} `);
  });

  it("a deleted entry breaks the link of the one after it", async () => {
    // Undo the previous test's edit: the trail verifies again.
    await t.db.$executeRaw`UPDATE "AuditEntry" SET comment = ${"Say when the IVR goes live."} WHERE event = ${"REQUEST_CHANGES"}`;
    expect((await verifyAuditChains(t.db)).ok).toBe(true);
    const rows = await t.db.auditEntry.findMany({ select: { id: true, requestId: true }, orderBy: { id: "asc" } });
    const chain = rows.filter((r) => r.requestId === rows[rows.length - 1].requestId);
    await t.db.$executeRaw`DELETE FROM "AuditEntry" WHERE id = ${chain[1].id}`;
    expect(await verifyAuditChains(t.db)).toMatchObject({
      ok: false,
      brokenAt: { id: chain[2].id, why: expect.stringMatching(/link/) },
    });
  });
});
