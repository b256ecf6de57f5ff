// The audit trail cannot be quietly changed (issue 15, item 2): `npm run audit:verify` names the
// first bad entry and the kind of damage, and exits 1, for an edited entry (even with every later
// hash recomputed, which a plain SHA-256 allowed), a deleted middle entry (relinked or not), a
// deleted latest entry (truncation), a request whose state or version was changed, and an edited
// or deleted comment. Entries are HMACs with AUDIT_KEY, and each chain's head is kept, sealed,
// on the request row and on the portal chain's head row. Runs on SQLite and on PostgreSQL: the
// damage is done in raw SQL on a connection of its own, to a copy of the same database each test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditAdmin } from "../../app/admin/adminAudit.server";
import { columnsOf } from "../../app/requests/answers";
import { auditKeyring, legacyEntryHash } from "../../app/requests/auditHash.server";
import { problemLines } from "../../app/requests/auditReport.server";
import { resealAuditTrail } from "../../app/requests/auditReseal.server";
import { verifyAuditTrail, type Damage } from "../../app/requests/auditVerify.server";
import { addComment } from "../../app/requests/comments.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition } from "../../app/requests/transition.server";
import { getSettings, loadSettings, resetSettings, type Settings } from "../../app/settings.server";
import { seedDatabase } from "../../prisma/seed";
import { runCommand } from "../support/command";
import { FAST_SCRYPT, personAt } from "../support/people";
import { dumpTables, withRawSql, type RawSql } from "../support/rawSql";
import { createTestDb, type TestDb } from "../support/testDb";

const NOW = new Date("2026-11-22T15:00:00Z");
const TZ = "America/New_York";
const KEY = "audit-key-for-the-audit-chain-test-".padEnd(48, "k");
let t: TestDb;
let settings: Settings;
const requestIds: string[] = [];

// The command itself runs once for each exit code (a process costs seconds of CPU); the other
// cases read the lines it prints, from the same function, in this process.
const verifyCommand = () => runCommand("scripts/audit-verify.ts", [], { DATABASE_URL: t.url, NODE_ENV: "test", SESSION_SECRET: "s".repeat(40), AUDIT_KEY: KEY });

const verify = (keyring = auditKeyring(getSettings())) => verifyAuditTrail(t.db, keyring);

/** What `npm run audit:verify` prints of the problems, one line each. */
const reportLines = async (keyring?: ReturnType<typeof auditKeyring>) => problemLines((await verify(keyring)).problems).join("\n");

/** The first problem verify names: its kind and entry. */
async function firstProblem(): Promise<{ kind: Damage; entryId: number | null; requestId: string | null } | undefined> {
  const [first] = (await verify()).problems;
  return first && { kind: first.kind, entryId: first.entryId, requestId: first.requestId };
}

/** Raw SQL, foreign keys off, as someone with the database but not AUDIT_KEY. */
const tamper = (work: (sql: RawSql) => Promise<unknown>) => withRawSql(t, work, { foreignKeys: false });

const chainOf = (sql: RawSql, requestId: string) =>
  sql.all<Record<string, unknown> & { id: number; hash: string; prevHash: string | null }>('SELECT * FROM "AuditEntry" WHERE "requestId" = $1 ORDER BY id', [requestId]);

beforeAll(async () => {
  t = await createTestDb("audit-chain");
  settings = loadSettings({ NODE_ENV: "test", SESSION_SECRET: "s".repeat(40), AUDIT_KEY: KEY, DATABASE_URL: t.url });
  resetSettings(settings);
  await seedDatabase(t.db, { scryptParams: FAST_SCRYPT });
  const requester = await personAt(t.db, "requester.partner@example.gov", NOW);
  const director = await personAt(t.db, "director@example.gov", NOW);
  const admin = await personAt(t.db, "admin@example.gov", NOW);
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
    requestIds.push(id);
    await transition(t.db, { request: id, by: requester, event: { type: "SUBMIT" }, now: NOW, timeZone: TZ });
    await addComment(t.db, director, id, "Which permits does the IVR cover?", NOW);
    await transition(t.db, { request: id, by: director, event: { type: "REQUEST_CHANGES", comment: "Say when the IVR goes live." }, now: NOW, timeZone: TZ });
  }
  await t.db.$transaction((tx) => auditAdmin(tx, { by: admin, event: "DEPARTMENT_UPDATED", comment: "Public Works: partner since 2020-01-01", at: NOW }));
  await t.db.$transaction((tx) => auditAdmin(tx, { by: admin, event: "FEES_UPDATED", comment: "$52.00 an hour", at: NOW }));
  await t.checkpoint();
});

/** Back to the database as the portal left it. */
const restore = () => t.restore();

// Each test damages its own copy of the same database.
beforeEach(restore);

afterAll(async () => {
  resetSettings();
  await t.cleanup();
});

describe("an untouched trail", () => {
  it("verifies, entry by entry and head by head; the command says so and exits 0", async () => {
    expect(await verify()).toEqual({ entries: 10, requests: 2, problems: [] });
    const run = verifyCommand();
    expect(run.output).toContain("All 10 audit entries verify");
    expect(run.code).toBe(0);
  });

  it("keeps each chain's head, count and seal on the request row and the portal chain's head row", async () => {
    const request = await t.db.request.findUniqueOrThrow({ where: { id: requestIds[0] } });
    const last = await t.db.auditEntry.findFirstOrThrow({ where: { requestId: requestIds[0] }, orderBy: { id: "desc" } });
    expect(request).toMatchObject({ auditHead: last.hash, auditCount: 4, state: last.toState });
    expect(request.auditSeal).toMatch(/^[0-9a-f]{12}:[0-9a-f]{64}$/);
    const portal = await t.db.auditChainHead.findUniqueOrThrow({ where: { chain: "portal" } });
    const lastPortal = await t.db.auditEntry.findFirstOrThrow({ where: { requestId: null }, orderBy: { id: "desc" } });
    expect(portal).toMatchObject({ head: lastPortal.hash, entries: 2 });
    expect(lastPortal.keyId).toBe(request.auditSeal!.split(":")[0]);
  });

  it("records comments in the request's chain, without showing them twice on the request page", async () => {
    const comment = await t.db.comment.findFirstOrThrow({ where: { requestId: requestIds[0] } });
    const entry = await t.db.auditEntry.findUniqueOrThrow({ where: { id: comment.auditEntryId! } });
    expect(entry).toMatchObject({ event: "COMMENT", comment: comment.body, fromState: "screening", toState: "screening" });
  });
});

describe("damage, each found and named", () => {
  it("an edited entry, even with every later hash recomputed as a plain SHA-256 allowed", async () => {
    let target = 0;
    await tamper(async (sql) => {
      const chain = await chainOf(sql, requestIds[1]);
      target = chain[1].id;
      let prev = chain[0].hash;
      for (const row of chain.slice(1)) {
        const edited = row.id === target ? { ...row, toState: "screening", comment: "Looks fine." } : row;
        const entry = { ...(edited as never as Parameters<typeof legacyEntryHash>[0]), acting: Boolean(edited.acting), at: new Date(String(edited.at)) };
        const hash = legacyEntryHash(entry, prev);
        await sql.run('UPDATE "AuditEntry" SET comment = $1, "prevHash" = $2, hash = $3 WHERE id = $4', [edited.comment ?? null, prev, hash, row.id]);
        prev = hash;
      }
      await sql.run('UPDATE "Request" SET "auditHead" = $1 WHERE id = $2', [prev, requestIds[1]]);
    });
    expect(await firstProblem()).toEqual({ kind: "edited", entryId: target, requestId: requestIds[1] });
    const run = verifyCommand();
    expect(run.code).toBe(1);
    expect(run.output.split("\n")[0]).toBe(`Audit entry ${target} (request ${requestIds[1]}): edited: its content does not match its hash.`);
  });

  it("a deleted middle entry, left as it is or relinked", async () => {
    let next = 0;
    await tamper(async (sql) => {
      const chain = await chainOf(sql, requestIds[0]);
      await sql.run('DELETE FROM "AuditEntry" WHERE id = $1', [chain[1].id]);
      next = chain[2].id;
    });
    expect(await firstProblem()).toEqual({ kind: "missing", entryId: next, requestId: requestIds[0] });

    await tamper(async (sql) => {
      const chain = await chainOf(sql, requestIds[0]);
      await sql.run('UPDATE "AuditEntry" SET "prevHash" = $1 WHERE id = $2', [chain[0].hash, next]);
    });
    expect(await firstProblem()).toEqual({ kind: "edited", entryId: next, requestId: requestIds[0] });
  });

  it("a deleted latest entry (truncation), even with the request's state put back", async () => {
    let newLast = 0;
    await tamper(async (sql) => {
      const chain = await chainOf(sql, requestIds[0]);
      await sql.run('DELETE FROM "AuditEntry" WHERE id = $1', [chain[chain.length - 1].id]);
      await sql.run('UPDATE "Request" SET state = $1 WHERE id = $2', [String(chain[chain.length - 2].toState), requestIds[0]]);
      newLast = chain[chain.length - 2].id;
    });
    expect(await firstProblem()).toEqual({ kind: "truncated", entryId: newLast, requestId: requestIds[0] });
    expect(await reportLines()).toMatch(/truncated: the request's head counts 4 entries but 3 remain/);
  });

  it("a truncation with the request's head rolled back to the entry before: the seal no longer matches", async () => {
    await tamper(async (sql) => {
      const chain = await chainOf(sql, requestIds[0]);
      const last = chain[chain.length - 1];
      const before = chain[chain.length - 2];
      await sql.run('DELETE FROM "Comment" WHERE "auditEntryId" = $1', [last.id]);
      await sql.run('DELETE FROM "AuditEntry" WHERE id = $1', [last.id]);
      await sql.run('UPDATE "Request" SET "auditHead" = $1, "auditCount" = 3, state = $2 WHERE id = $3', [before.hash, String(before.toState), requestIds[0]]);
    });
    expect(await firstProblem()).toMatchObject({ kind: "state mismatch", requestId: requestIds[0] });
  });

  it("a request whose state or version was changed in the database", async () => {
    await tamper((sql) => sql.run('UPDATE "Request" SET state = $1 WHERE id = $2', ["approved", requestIds[1]]));
    expect(await firstProblem()).toMatchObject({ kind: "state mismatch", requestId: requestIds[1] });
    expect(await reportLines()).toMatch(/state mismatch: the request is "approved" but its last entry leaves it "changesRequested"/);

    await restore();
    await tamper((sql) => sql.run('UPDATE "Request" SET version = version + 5 WHERE id = $1', [requestIds[1]]));
    expect(await firstProblem()).toMatchObject({ kind: "state mismatch", requestId: requestIds[1] });

    await restore();
    // Any change to the snapshot, where the machine keeps sign-offs and the fee.
    await tamper((sql) => sql.run(`UPDATE "Request" SET snapshot = replace(snapshot, '"changesRequested"', '"decision"') WHERE id = $1`, [requestIds[1]]));
    expect(await firstProblem()).toMatchObject({ kind: "state mismatch", requestId: requestIds[1] });
  });

  it("a comment edited, deleted or added in the database", async () => {
    await tamper((sql) => sql.run('UPDATE "Comment" SET body = $1 WHERE "requestId" = $2', ["All fine.", requestIds[0]]));
    expect(await firstProblem()).toMatchObject({ kind: "edited", requestId: requestIds[0] });

    await restore();
    await tamper((sql) => sql.run('DELETE FROM "Comment" WHERE "requestId" = $1', [requestIds[0]]));
    expect(await firstProblem()).toMatchObject({ kind: "missing", requestId: requestIds[0] });

    await restore();
    await tamper((sql) =>
      sql.run('INSERT INTO "Comment" (id, "requestId", "authorId", body, "createdAt") SELECT $1, "requestId", "authorId", $2, "createdAt" FROM "Comment" LIMIT 1', [
        "forged",
        "Approved by phone.",
      ]),
    );
    expect(await firstProblem()).toMatchObject({ kind: "edited" });
    expect(await reportLines()).toMatch(/comment forged is not in the audit trail/);
  });

  it("the portal chain: an edited entry, a truncation, a deleted head row", async () => {
    await tamper((sql) => sql.run(`UPDATE "AuditEntry" SET comment = '$1.00 an hour' WHERE event = 'FEES_UPDATED'`));
    expect(await firstProblem()).toMatchObject({ kind: "edited", requestId: null });

    await restore();
    await tamper((sql) => sql.run(`DELETE FROM "AuditEntry" WHERE event = 'FEES_UPDATED'`));
    expect(await firstProblem()).toMatchObject({ kind: "truncated", requestId: null });
    expect(await reportLines()).toMatch(/^Audit entry \d+ \(portal chain\): truncated/);

    await restore();
    await tamper((sql) => sql.run(`DELETE FROM "AuditChainHead"`));
    expect(await firstProblem()).toMatchObject({ kind: "missing", requestId: null });
  });

  it("a whole request's trail deleted, or the request deleted under its trail", async () => {
    await tamper(async (sql) => {
      await sql.run('DELETE FROM "Comment" WHERE "requestId" = $1', [requestIds[0]]);
      await sql.run('DELETE FROM "AuditEntry" WHERE "requestId" = $1', [requestIds[0]]);
    });
    expect(await firstProblem()).toMatchObject({ kind: "missing", entryId: null, requestId: requestIds[0] });

    await restore();
    await tamper(async (sql) => {
      await sql.run('DELETE FROM "OutboxMessage" WHERE "requestId" = $1', [requestIds[0]]);
      await sql.run('DELETE FROM "Request" WHERE id = $1', [requestIds[0]]);
    });
    expect(await firstProblem()).toMatchObject({ kind: "missing", requestId: requestIds[0] });
  });

  it("verified with another AUDIT_KEY, nothing verifies: someone without the key cannot have made them", async () => {
    const lines = await reportLines(auditKeyring({ auditKey: "another-key-".padEnd(48, "x"), auditPreviousKeys: [] }));
    expect(lines).toMatch(/unknown key: it was signed with an AUDIT_KEY this server does not hold/);
  });
});

describe("rotating AUDIT_KEY", () => {
  it("the old key in AUDIT_PREVIOUS_KEYS verifies old entries beside new ones; audit:rekey re-signs all with the new key", async () => {
    const newKey = "the-new-audit-key-".padEnd(48, "n");
    const rotated = { ...settings, auditKey: newKey, auditPreviousKeys: [KEY] };
    resetSettings(rotated);
    try {
      const director = await personAt(t.db, "director@example.gov", NOW);
      await addComment(t.db, director, requestIds[1], "Written under the new key.", NOW);
      expect((await verifyAuditTrail(t.db, auditKeyring(rotated))).problems).toEqual([]);
      expect((await verifyAuditTrail(t.db, auditKeyring({ auditKey: newKey, auditPreviousKeys: [] }))).problems[0]).toMatchObject({ kind: "unknown key" });

      expect(await resealAuditTrail(t.db, auditKeyring(rotated))).toEqual({ ok: true, chains: 3 });
      expect((await verifyAuditTrail(t.db, auditKeyring({ auditKey: newKey, auditPreviousKeys: [] }))).problems).toEqual([]);
    } finally {
      resetSettings(settings);
    }
  });

  it("nothing is re-signed when the trail does not verify", async () => {
    await tamper((sql) => sql.run('UPDATE "Request" SET state = $1 WHERE id = $2', ["approved", requestIds[1]]));
    // Every row of every table, read on a connection of its own, before and after.
    const before = await withRawSql(t, dumpTables);
    const outcome = await resealAuditTrail(t.db, auditKeyring({ auditKey: "the-new-audit-key-".padEnd(48, "n"), auditPreviousKeys: [KEY] }));
    expect(outcome).toMatchObject({ ok: false, problems: [{ kind: "state mismatch" }] });
    expect(await withRawSql(t, dumpTables)).toEqual(before);
  });
});

describe("a trail from before keyed hashes", () => {
  it("is checked with its plain SHA-256 links, then sealed, its comments recorded; a damaged one is not", async () => {
    // Turn the copy back into what the previous version wrote: SHA-256 entries, no heads, no comment entries.
    await tamper(async (sql) => {
      await sql.run('UPDATE "Comment" SET "auditEntryId" = NULL');
      await sql.run(`DELETE FROM "AuditEntry" WHERE event = 'COMMENT'`);
      await sql.run('UPDATE "Request" SET "auditHead" = NULL, "auditCount" = 0, "auditSeal" = NULL');
      await sql.run('UPDATE "AuditChainHead" SET head = NULL, entries = 0, seal = NULL');
      const rows = await sql.all<Record<string, unknown> & { id: number; requestId: string | null }>('SELECT * FROM "AuditEntry" ORDER BY id');
      const heads = new Map<string, string | null>();
      for (const row of rows) {
        const chain = row.requestId ?? "portal";
        const prev = heads.get(chain) ?? null;
        const entry = { ...(row as never as Parameters<typeof legacyEntryHash>[0]), acting: Boolean(row.acting), at: new Date(String(row.at)) };
        const hash = legacyEntryHash(entry, prev);
        await sql.run('UPDATE "AuditEntry" SET "keyId" = NULL, "prevHash" = $1, hash = $2 WHERE id = $3', [prev, hash, row.id]);
        heads.set(chain, hash);
      }
    });
    expect((await firstProblem())?.kind).toBe("unsealed");
    const outcome = await resealAuditTrail(t.db, auditKeyring(settings));
    expect(outcome).toEqual({ ok: true, chains: 3 });
    expect(await verify()).toMatchObject({ entries: 10, problems: [] });
  });
});
