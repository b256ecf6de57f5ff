// Property test (issue 7): random events from random people through the transition service on a
// real SQLite file. Every refused event leaves the database byte-for-byte as it was (R11, R14).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/auth/session.server";
import type { PrismaClient } from "../../app/db.server";
import { columnsOf } from "../../app/requests/answers";
import { createDraft } from "../../app/requests/drafts.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import { seedDatabase } from "../../prisma/seed";
import { DEMO_ACCOUNTS } from "../../prisma/demo-accounts";
import { FAST_SCRYPT, personAt } from "../support/people";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
const START = Date.UTC(2026, 10, 23, 15);
let t: TestDb;
let db: PrismaClient;
let people: CurrentUser[] = [];

const payloads: EventPayload[] = [
  { type: "SUBMIT" },
  { type: "RESUBMIT" },
  { type: "ORDER_ANALYSIS" },
  { type: "NO_ANALYSIS" },
  { type: "REQUEST_CHANGES", comment: "Change the date" },
  { type: "REQUEST_CHANGES", comment: "" },
  { type: "REJECT", comment: "No" },
  { type: "RECORD_ANALYSIS", projectedCalls: 250 },
  { type: "ASSESS_FEE", amount: 1082.5, suggested: 1082.5, scheduleVersion: 1 },
  { type: "ASSESS_FEE", amount: 0, suggested: 1082.5, scheduleVersion: 1 },
  { type: "ACCEPT_FEE", accountCode: "DPW-1" },
  { type: "DISPUTE_FEE", comment: "Too high" },
  { type: "DECLINE_FEE" },
  { type: "APPROVE", slot: "director" },
  { type: "APPROVE", slot: "assistantDirector" },
  { type: "WITHDRAW" },
  { type: "CANCEL" },
  { type: "LAPSE" },
  { type: "COMPLETE" },
  { type: "EDIT" },
];

async function footprint(requestId: string) {
  return JSON.stringify([
    await db.request.findUniqueOrThrow({ where: { id: requestId } }),
    await db.auditEntry.findMany({ where: { requestId }, orderBy: { id: "asc" } }),
    await db.outboxMessage.findMany({ where: { requestId }, orderBy: { id: "asc" } }),
  ]);
}

beforeAll(async () => {
  t = await createTestDb("transition-properties");
  db = t.db;
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  people = await Promise.all(DEMO_ACCOUNTS.map((a) => personAt(db, a.email, new Date(START))));
});

afterAll(async () => {
  await t.cleanup();
});

describe("random events through the transition service", () => {
  it("refusals change nothing; acceptances add exactly one audit entry and one version", async () => {
    const step = fc.tuple(
      fc.integer({ min: 0, max: people.length }),
      fc.integer({ min: 0, max: payloads.length - 1 }),
      fc.integer({ min: 0, max: 30 * 24 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        const owner = people[0];
        const columns = columnsOf({
          type: "materials",
          title: "Random walk",
          description: "x",
          effectiveDate: "2026-12-05",
          endDate: "2026-12-06",
          materialsKind: "web",
          audienceSize: "10",
          languages: "English",
          contactName: "Pat",
          contactPhone: "240-777-0311",
        });
        const { id } = await createDraft(db, { user: owner, columns, now: new Date(START), timeZone: TZ });
        for (const [who, what, hours] of steps) {
          const by = who === people.length ? "system" : people[who];
          const before = await footprint(id);
          const beforeRow = await db.request.findUniqueOrThrow({ where: { id } });
          const auditBefore = await db.auditEntry.count({ where: { requestId: id } });
          const now = new Date(START + hours * 3_600_000);
          const outcome = await transition(db, { request: id, by, event: payloads[what], now, timeZone: TZ });
          if (!outcome.ok) {
            expect(outcome.reason.length).toBeGreaterThan(10);
            expect(await footprint(id)).toBe(before);
          } else {
            const after = await db.request.findUniqueOrThrow({ where: { id } });
            expect(after.version).toBe(beforeRow.version + 1);
            expect(await db.auditEntry.count({ where: { requestId: id } })).toBe(auditBefore + 1);
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
