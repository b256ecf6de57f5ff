// The transition service on a real SQLite file (R1, R2, R3, R8, R11, R13, R14, R16).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../../app/auth/session.server";
import type { PrismaClient } from "../../app/db.server";
import { sqlFor } from "../../app/db/engine";
import { createDraft } from "../../app/requests/drafts.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import { seedDatabase } from "../../prisma/seed";
import { addPerson, FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
const NOW = new Date("2026-11-22T15:00:00Z");

let t: TestDb;
let db: PrismaClient;
const who: Record<string, CurrentUser> = {};

async function draft(by: CurrentUser, effectiveDate = "2026-12-06") {
  return createDraft(db, { user: by, columns: materialsColumns(effectiveDate), now: NOW, timeZone: TZ });
}

async function act(requestId: string, by: CurrentUser | "system", event: EventPayload, now = NOW) {
  return transition(db, { request: requestId, by, event, now, timeZone: TZ });
}

async function must(requestId: string, by: CurrentUser | "system", event: EventPayload, now = NOW) {
  const outcome = await act(requestId, by, event, now);
  if (!outcome.ok) throw new Error(`${event.type} refused: ${outcome.reason}`);
  return outcome;
}

/** Everything a refused event must leave untouched. */
async function footprint(requestId: string) {
  const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
  return {
    request,
    audit: await db.auditEntry.findMany({ where: { requestId }, orderBy: { id: "asc" } }),
    outbox: await db.outboxMessage.findMany({ where: { requestId }, orderBy: { id: "asc" } }),
  };
}

beforeAll(async () => {
  t = await createTestDb("transition");
  db = t.db;
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  await addPerson(db, "jane.roe@example.gov", "COM", [
    { role: "director", acting: true, startsOn: "2026-11-20", endsOn: "2026-11-30" },
  ]);
  await addPerson(db, "com.requester@example.gov", "COM", [{ role: "requester" }, { role: "director" }]);
  const emails = {
    partner: "requester.partner@example.gov",
    nonPartner: "requester.nonpartner@example.gov",
    director: "director@example.gov",
    assistant: "assistant.director@example.gov",
    analyst: "analyst@example.gov",
    finance: "finance@example.gov",
    admin: "admin@example.gov",
    acting: "jane.roe@example.gov",
    comRequester: "com.requester@example.gov",
  };
  for (const [key, email] of Object.entries(emails)) who[key] = await personAt(db, email, NOW);
});

afterAll(async () => {
  await t.cleanup();
});

describe("the full procedure", () => {
  it("with analysis and an accepted fee: draft → … → approved, each step audited with its e-mails (R14, R16)", async () => {
    const { id, reference } = await draft(who.partner);
    expect(reference).toMatch(/^311-2026-\d{4}$/);
    await must(id, who.partner, { type: "SUBMIT" });
    await must(id, who.director, { type: "ORDER_ANALYSIS" });
    await must(id, who.analyst, { type: "RECORD_ANALYSIS", projectedCalls: 1200 });
    await must(id, who.finance, { type: "ASSESS_FEE", amount: 5446, suggested: 5446, scheduleVersion: 1 });
    await must(id, who.partner, { type: "ACCEPT_FEE", accountCode: "DPW-4410" });
    await must(id, who.director, { type: "APPROVE", slot: "director" });
    const last = await must(id, who.assistant, { type: "APPROVE", slot: "assistantDirector" });
    expect(last.to).toBe("approved");

    const { request, audit, outbox } = await footprint(id);
    expect(request.state).toBe("approved");
    expect(request.version).toBe(7);
    expect(request.partnerAtSubmission).toBe(true);
    expect(request.firstSubmittedOn).toBe("2026-11-22");
    expect(request.completeOn).toBe("2026-12-06");
    expect(request.lapseOn).toBeNull();
    expect(audit.map((a) => `${a.event}:${a.fromState}→${a.toState}`)).toEqual([
      "CREATE:null→draft",
      "SUBMIT:draft→screening",
      "ORDER_ANALYSIS:screening→analysis",
      "RECORD_ANALYSIS:analysis→feeAssessment",
      "ASSESS_FEE:feeAssessment→feeAcceptance",
      "ACCEPT_FEE:feeAcceptance→decision",
      "APPROVE:decision→decision",
      "APPROVE:decision→approved",
    ]);
    expect(audit[5].comment).toBe("Account code DPW-4410");
    const sent = outbox.map((o) => `${o.template}→${JSON.parse(o.recipients)[0].email}`);
    expect(sent).toContain("submitted→director@example.gov");
    expect(sent).toContain("submitted→assistant.director@example.gov");
    expect(sent).toContain("submitted→jane.roe@example.gov");
    expect(sent).toContain("submission_received→requester.partner@example.gov");
    expect(sent).toContain("analysis_ordered→analyst@example.gov");
    expect(sent).toContain("fee_assessed→requester.partner@example.gov");
    expect(sent).toContain("approved→analyst@example.gov");
    expect(sent.filter((s) => s.startsWith("approved→requester.partner"))).toHaveLength(1);
    // Each row names one recipient by address and name, and nothing more of them (R16).
    for (const o of outbox) expect(Object.keys(JSON.parse(o.recipients)[0]).sort()).toEqual(["email", "name"]);
    const data = JSON.parse(outbox[0].data);
    expect(data).toMatchObject({ requestId: id, reference, title: "Leaf collection mailer", departmentName: "Public Works" });
  });

  it("the service's SQL writes read back through Prisma as the ORM would have written them (R14, R16)", async () => {
    const { id } = await draft(who.partner);
    const later = new Date(NOW.getTime() + 60_000);
    const changes = materialsColumns("2026-12-20", "Leaf collection mailer, revised");
    const edited = await transition(db, { request: id, by: who.partner, event: { type: "EDIT" }, now: NOW, timeZone: TZ, changes });
    expect(edited.ok).toBe(true);
    await must(id, who.partner, { type: "SUBMIT" }, later);

    const { request, audit, outbox } = await footprint(id);
    expect(request).toMatchObject({ title: "Leaf collection mailer, revised", effectiveDate: "2026-12-20", details: changes.details });
    expect(request.firstSubmittedAt).toEqual(later);
    expect(request.taskSince).toEqual(later);
    expect(request.nextReminderAt).toBeInstanceOf(Date);
    expect(request.nextReminderAt!.getTime()).toBeGreaterThan(later.getTime());
    expect(request.lapseOn).toBe("2026-12-20");
    expect(request.updatedAt).toBeInstanceOf(Date);
    expect(audit.at(-1)).toMatchObject({ event: "SUBMIT", at: later, acting: false });
    expect(outbox.length).toBeGreaterThan(0);
    for (const row of outbox) {
      expect(row).toMatchObject({ status: "pending", attempts: 0 });
      expect(row.nextAttemptAt).toBeInstanceOf(Date);
      expect(row.createdAt.getTime()).toBe(row.nextAttemptAt.getTime());
    }
    // Stored as Prisma stores dates, so the outbox's due query (a text comparison in SQLite) finds them.
    const due = await db.outboxMessage.count({ where: { requestId: id, nextAttemptAt: { lte: new Date(Date.now() + 1000) } } });
    expect(due).toBe(outbox.length);
  });

  it("without analysis: screening → decision → approved, no fee (R13)", async () => {
    const { id } = await draft(who.nonPartner);
    await must(id, who.nonPartner, { type: "SUBMIT" });
    await must(id, who.assistant, { type: "NO_ANALYSIS" });
    await must(id, who.director, { type: "APPROVE", slot: "director" });
    await must(id, who.assistant, { type: "APPROVE", slot: "assistantDirector" });
    const request = await db.request.findUniqueOrThrow({ where: { id } });
    expect(request.state).toBe("approved");
    expect(JSON.parse(request.snapshot).context.fee).toBeNull();
    expect(request.reachedFeeAssessment).toBe(false);
  });

  it("a fee of $0 goes straight to the decision", async () => {
    const { id } = await draft(who.partner);
    await must(id, who.partner, { type: "SUBMIT" });
    await must(id, who.director, { type: "ORDER_ANALYSIS" });
    await must(id, who.analyst, { type: "RECORD_ANALYSIS", projectedCalls: 3 });
    const fee = await must(id, who.finance, { type: "ASSESS_FEE", amount: 0, suggested: 0, scheduleVersion: 1 });
    expect(fee.to).toBe("decision");
  });

  it("an acting director signs and the audit trail says so (R3)", async () => {
    const { id } = await draft(who.partner);
    await must(id, who.partner, { type: "SUBMIT" });
    await must(id, who.acting, { type: "NO_ANALYSIS" });
    await must(id, who.acting, { type: "APPROVE", slot: "director" });
    const entries = await db.auditEntry.findMany({ where: { requestId: id, event: "APPROVE" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorName: "jane.roe", role: "director", acting: true });
  });
});

describe("refusals change nothing (R8, R11)", () => {
  it("R8: too little notice is refused with the rule and earliest date; no row, audit or e-mail changes", async () => {
    const { id } = await draft(who.partner, "2026-11-28");
    const before = await footprint(id);
    const outcome = await act(id, who.partner, { type: "SUBMIT" });
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    expect(!outcome.ok && outcome.reason).toMatch(/Partner departments must give at least 7 calendar days' notice.*Sun, Nov 29, 2026/);
    expect(await footprint(id)).toEqual(before);
  });

  it("R5: a non-partner is held to 14 days", async () => {
    const { id } = await draft(who.nonPartner, "2026-12-05");
    const outcome = await act(id, who.nonPartner, { type: "SUBMIT" });
    expect(!outcome.ok && outcome.reason).toMatch(/without a 3-1-1 partnership must give at least 14 calendar days' notice.*Sun, Dec 6, 2026/);
  });

  it("R11: a final state refuses and nothing changes", async () => {
    const { id } = await draft(who.partner);
    await must(id, who.partner, { type: "WITHDRAW" });
    const before = await footprint(id);
    const outcome = await act(id, who.partner, { type: "SUBMIT" });
    expect(!outcome.ok && outcome.reason).toMatch(/a closed request accepts no further action/);
    expect(await footprint(id)).toEqual(before);
  });

  it("R13: a fee cannot be assessed before an analysis", async () => {
    const { id } = await draft(who.partner);
    await must(id, who.partner, { type: "SUBMIT" });
    const outcome = await act(id, who.finance, { type: "ASSESS_FEE", amount: 10, suggested: 10, scheduleVersion: 1 });
    // Finance sees it from its first submission (R18); the machine refuses a fee at screening.
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    expect(!outcome.ok && outcome.reason).toMatch(/Screening/);
  });
});

describe("R14, R16: a transition that fails part-way leaves nothing behind", () => {
  it("when writing its e-mails fails, the state, version and audit entry are rolled back with them", async () => {
    const { id } = await draft(who.partner);
    const before = await footprint(id);
    // A real failure inside the transaction, after the request row and the audit entry are written.
    const trigger = sqlFor(db, {
      sqlite: {
        create: [`CREATE TRIGGER fail_outbox BEFORE INSERT ON "OutboxMessage" BEGIN SELECT RAISE(ABORT, 'mail table unavailable'); END`],
        drop: [`DROP TRIGGER fail_outbox`],
      },
      postgres: {
        create: [
          `CREATE FUNCTION fail_outbox() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'mail table unavailable'; END $$ LANGUAGE plpgsql`,
          `CREATE TRIGGER fail_outbox BEFORE INSERT ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION fail_outbox()`,
        ],
        drop: [`DROP TRIGGER fail_outbox ON "OutboxMessage"`, `DROP FUNCTION fail_outbox()`],
      },
    });
    for (const statement of trigger.create) await db.$executeRawUnsafe(statement);
    try {
      await expect(act(id, who.partner, { type: "SUBMIT" })).rejects.toThrow();
    } finally {
      for (const statement of trigger.drop) await db.$executeRawUnsafe(statement);
    }
    expect(await footprint(id)).toEqual(before);
    expect(await db.outboxMessage.count({ where: { requestId: id } })).toBe(0);
  });
});

describe("R1: another department's request does not exist for a requester", () => {
  it("a LIB requester gets 404 for a DPW request, and nothing changes", async () => {
    const { id } = await draft(who.partner);
    await must(id, who.partner, { type: "SUBMIT" });
    const before = await footprint(id);
    expect(await act(id, who.nonPartner, { type: "WITHDRAW" })).toMatchObject({ ok: false, status: 404 });
    expect(await footprint(id)).toEqual(before);
  });
  it("an admin without a reviewing role sees and decides nothing", async () => {
    const { id } = await draft(who.partner);
    await must(id, who.partner, { type: "SUBMIT" });
    expect(await act(id, who.admin, { type: "NO_ANALYSIS" })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("R2: separation of duties", () => {
  it("a director who submitted their department's request cannot sign it", async () => {
    const { id } = await draft(who.comRequester);
    await must(id, who.comRequester, { type: "SUBMIT" });
    await must(id, who.assistant, { type: "NO_ANALYSIS" });
    const outcome = await act(id, who.comRequester, { type: "APPROVE", slot: "director" });
    expect(!outcome.ok && outcome.reason).toMatch(/cannot decide on it/);
  });
});

describe("R14: two reviewers at the same moment", () => {
  it("both sign-offs are recorded and the request is approved exactly once", async () => {
    const { id } = await draft(who.partner);
    await must(id, who.partner, { type: "SUBMIT" });
    await must(id, who.director, { type: "NO_ANALYSIS" });
    const results = await Promise.all([
      act(id, who.director, { type: "APPROVE", slot: "director" }),
      act(id, who.assistant, { type: "APPROVE", slot: "assistantDirector" }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const { request, audit, outbox } = await footprint(id);
    expect(request.state).toBe("approved");
    const signOffs = audit.filter((a) => a.event === "APPROVE");
    expect(signOffs.map((a) => a.role).sort()).toEqual(["assistant_director", "director"]);
    expect(audit.filter((a) => a.toState === "approved")).toHaveLength(1);
    expect(outbox.filter((o) => o.template === "approved" && o.recipients.includes("requester.partner"))).toHaveLength(1);
  });

  it("the same reviewer sending twice at once signs once; the second is refused", async () => {
    const { id } = await draft(who.partner);
    await must(id, who.partner, { type: "SUBMIT" });
    await must(id, who.director, { type: "NO_ANALYSIS" });
    const results = await Promise.all([
      act(id, who.director, { type: "APPROVE", slot: "director" }),
      act(id, who.director, { type: "APPROVE", slot: "director" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, status: 422 });
    const audit = await db.auditEntry.findMany({ where: { requestId: id, event: "APPROVE" } });
    expect(audit).toHaveLength(1);
  });
});
