// The audit trail cannot be quietly changed (issue 15, item 2): `npm run audit:verify` names the
// first bad entry and the kind of damage, and exits 1, for an edited entry (even with every later
// hash recomputed, which a plain SHA-256 allowed), a deleted middle entry (relinked or not), a
// deleted latest entry (truncation), a request whose state or version was changed, and an edited
// or deleted comment. Entries are HMACs with AUDIT_KEY, and each chain's head is kept, sealed,
// on the request row and on the portal chain's head row.
import Database from "better-sqlite3";
import fs from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditAdmin } from "../../app/admin/adminAudit.server";
import { columnsOf } from "../../app/requests/answers";
import { auditKeyring, legacyEntryHash } from "../../app/requests/auditHash.server";
import { resealAuditTrail } from "../../app/requests/auditReseal.server";
import { verifyAuditTrail, type Damage } from "../../app/requests/auditVerify.server";
import { addComment } from "../../app/requests/comments.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition } from "../../app/requests/transition.server";
import { getSettings, loadSettings, resetSettings, type Settings } from "../../app/settings.server";
import { seedDatabase } from "../../prisma/seed";
import { runCommand } from "../support/command";
import { FAST_SCRYPT, personAt } from "../support/people";
import { createTestDb, type TestDb } from "../support/testDb";

const NOW = new Date("2026-11-22T15:00:00Z");
const TZ = "America/New_York";
const KEY = "audit-key-for-the-audit-chain-test-".padEnd(48, "k");
let t: TestDb;
let settings: Settings;
let pristine = "";
const requestIds: string[] = [];

const verifyCommand = (env: Record<string, string> = {}) =>
  runCommand("scripts/audit-verify.ts", [], { DATABASE_URL: t.url, NODE_ENV: "test", SESSION_SECRET: "s".repeat(40), AUDIT_KEY: KEY, ...env });

const verify = () => verifyAuditTrail(t.db, auditKeyring(getSettings()));

/** The first problem verify names: its kind and entry. */
/** The test's SQLite file: these tamper tests copy and edit it directly. */
function sqlitePath(): string {
  if (!t.file) throw new Error("The tamper tests work on a SQLite file");
  return t.file;
}

async function firstProblem(): Promise<{ kind: Damage; entryId: number | null; requestId: string | null } | undefined> {
  const [first] = (await verify()).problems;
  return first && { kind: first.kind, entryId: first.entryId, requestId: first.requestId };
}

/** Raw SQLite, as someone with the database file but not AUDIT_KEY. */
function tamper(work: (sqlite: Database.Database) => void): void {
  const sqlite = new Database(sqlitePath());
  sqlite.pragma("foreign_keys = OFF");
  try {
    work(sqlite);
  } finally {
    sqlite.close();
  }
}

const chainOf = (sqlite: Database.Database, requestId: string) =>
  sqlite.prepare('SELECT * FROM "AuditEntry" WHERE requestId = ? ORDER BY id').all(requestId) as Array<Record<string, unknown> & { id: number; hash: string; prevHash: string | null }>;

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
  await t.db.$disconnect();
  pristine = fs.readFileSync(sqlitePath()).toString("base64");
});

/** Back to the database as the portal left it (the WAL files hold the last damage too). */
async function restore(): Promise<void> {
  await t.db.$disconnect();
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(sqlitePath() + suffix, { force: true });
  fs.writeFileSync(sqlitePath(), Buffer.from(pristine, "base64"));
}

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
    tamper((sqlite) => {
      const chain = chainOf(sqlite, requestIds[1]);
      target = chain[1].id;
      let prev = chain[0].hash;
      for (const row of chain.slice(1)) {
        const edited = row.id === target ? { ...row, toState: "screening", comment: "Looks fine." } : row;
        const entry = { ...(edited as never as Parameters<typeof legacyEntryHash>[0]), acting: Boolean(edited.acting), at: new Date(String(edited.at)) };
        const hash = legacyEntryHash(entry, prev);
        sqlite.prepare('UPDATE "AuditEntry" SET comment = ?, prevHash = ?, hash = ? WHERE id = ?').run(edited.comment ?? null, prev, hash, row.id);
        prev = hash;
      }
      sqlite.prepare('UPDATE "Request" SET auditHead = ? WHERE id = ?').run(prev, requestIds[1]);
    });
    expect(await firstProblem()).toEqual({ kind: "edited", entryId: target, requestId: requestIds[1] });
    const run = verifyCommand();
    expect(run.code).toBe(1);
    expect(run.output.split("\n")[0]).toBe(`Audit entry ${target} (request ${requestIds[1]}): edited: its content does not match its hash.`);
  });

  it("a deleted middle entry, left as it is or relinked", async () => {
    let next = 0;
    tamper((sqlite) => {
      const chain = chainOf(sqlite, requestIds[0]);
      sqlite.prepare('DELETE FROM "AuditEntry" WHERE id = ?').run(chain[1].id);
      next = chain[2].id;
    });
    expect(await firstProblem()).toEqual({ kind: "missing", entryId: next, requestId: requestIds[0] });

    tamper((sqlite) => {
      const chain = chainOf(sqlite, requestIds[0]);
      sqlite.prepare('UPDATE "AuditEntry" SET prevHash = ? WHERE id = ?').run(chain[0].hash, next);
    });
    expect(await firstProblem()).toEqual({ kind: "edited", entryId: next, requestId: requestIds[0] });
    expect(verifyCommand().code).toBe(1);
  });

  it("a deleted latest entry (truncation), even with the request's state put back", async () => {
    let newLast = 0;
    tamper((sqlite) => {
      const chain = chainOf(sqlite, requestIds[0]);
      sqlite.prepare('DELETE FROM "AuditEntry" WHERE id = ?').run(chain[chain.length - 1].id);
      sqlite.prepare('UPDATE "Request" SET state = ? WHERE id = ?').run(String(chain[chain.length - 2].toState), requestIds[0]);
      newLast = chain[chain.length - 2].id;
    });
    expect(await firstProblem()).toEqual({ kind: "truncated", entryId: newLast, requestId: requestIds[0] });
    const run = verifyCommand();
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/truncated: the request's head counts 4 entries but 3 remain/);
  });

  it("a truncation with the request's head rolled back to the entry before: the seal no longer matches", async () => {
    tamper((sqlite) => {
      const chain = chainOf(sqlite, requestIds[0]);
      const last = chain[chain.length - 1];
      const before = chain[chain.length - 2];
      sqlite.prepare('DELETE FROM "Comment" WHERE auditEntryId = ?').run(last.id);
      sqlite.prepare('DELETE FROM "AuditEntry" WHERE id = ?').run(last.id);
      sqlite.prepare('UPDATE "Request" SET auditHead = ?, auditCount = 3, state = ? WHERE id = ?').run(before.hash, String(before.toState), requestIds[0]);
    });
    expect(await firstProblem()).toMatchObject({ kind: "state mismatch", requestId: requestIds[0] });
  });

  it("a request whose state or version was changed in the database", async () => {
    tamper((sqlite) => sqlite.prepare('UPDATE "Request" SET state = ? WHERE id = ?').run("approved", requestIds[1]));
    expect(await firstProblem()).toMatchObject({ kind: "state mismatch", requestId: requestIds[1] });
    expect(verifyCommand().output).toMatch(/state mismatch: the request is "approved" but its last entry leaves it "changesRequested"/);

    await restore();
    tamper((sqlite) => sqlite.prepare('UPDATE "Request" SET version = version + 5 WHERE id = ?').run(requestIds[1]));
    expect(await firstProblem()).toMatchObject({ kind: "state mismatch", requestId: requestIds[1] });

    await restore();
    // Any change to the snapshot, where the machine keeps sign-offs and the fee.
    tamper((sqlite) => sqlite.prepare(`UPDATE "Request" SET snapshot = replace(snapshot, '"changesRequested"', '"decision"') WHERE id = ?`).run(requestIds[1]));
    expect(await firstProblem()).toMatchObject({ kind: "state mismatch", requestId: requestIds[1] });
  });

  it("a comment edited, deleted or added in the database", async () => {
    tamper((sqlite) => sqlite.prepare('UPDATE "Comment" SET body = ? WHERE requestId = ?').run("All fine.", requestIds[0]));
    expect(await firstProblem()).toMatchObject({ kind: "edited", requestId: requestIds[0] });

    await restore();
    tamper((sqlite) => sqlite.prepare('DELETE FROM "Comment" WHERE requestId = ?').run(requestIds[0]));
    expect(await firstProblem()).toMatchObject({ kind: "missing", requestId: requestIds[0] });

    await restore();
    tamper((sqlite) =>
      sqlite
        .prepare('INSERT INTO "Comment" (id, requestId, authorId, body, createdAt) SELECT ?, requestId, authorId, ?, createdAt FROM "Comment" LIMIT 1')
        .run("forged", "Approved by phone."),
    );
    expect(await firstProblem()).toMatchObject({ kind: "edited" });
    expect(verifyCommand().output).toMatch(/comment forged is not in the audit trail/);
  });

  it("the portal chain: an edited entry, a truncation, a deleted head row", async () => {
    tamper((sqlite) => sqlite.prepare(`UPDATE "AuditEntry" SET comment = '$1.00 an hour' WHERE event = 'FEES_UPDATED'`).run());
    expect(await firstProblem()).toMatchObject({ kind: "edited", requestId: null });

    await restore();
    tamper((sqlite) => sqlite.prepare(`DELETE FROM "AuditEntry" WHERE event = 'FEES_UPDATED'`).run());
    expect(await firstProblem()).toMatchObject({ kind: "truncated", requestId: null });
    expect(verifyCommand().output).toMatch(/^Audit entry \d+ \(portal chain\): truncated/);

    await restore();
    tamper((sqlite) => sqlite.prepare(`DELETE FROM "AuditChainHead"`).run());
    expect(await firstProblem()).toMatchObject({ kind: "missing", requestId: null });
  });

  it("a whole request's trail deleted, or the request deleted under its trail", async () => {
    tamper((sqlite) => {
      sqlite.prepare('DELETE FROM "Comment" WHERE requestId = ?').run(requestIds[0]);
      sqlite.prepare('DELETE FROM "AuditEntry" WHERE requestId = ?').run(requestIds[0]);
    });
    expect(await firstProblem()).toMatchObject({ kind: "missing", entryId: null, requestId: requestIds[0] });

    await restore();
    tamper((sqlite) => {
      sqlite.prepare('DELETE FROM "OutboxMessage" WHERE requestId = ?').run(requestIds[0]);
      sqlite.prepare('DELETE FROM "Request" WHERE id = ?').run(requestIds[0]);
    });
    expect(await firstProblem()).toMatchObject({ kind: "missing", requestId: requestIds[0] });
  });

  it("verified with another AUDIT_KEY, nothing verifies: someone without the key cannot have made them", async () => {
    const run = verifyCommand({ AUDIT_KEY: "another-key-".padEnd(48, "x") });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/unknown key: it was signed with an AUDIT_KEY this server does not hold/);
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
    tamper((sqlite) => sqlite.prepare('UPDATE "Request" SET state = ? WHERE id = ?').run("approved", requestIds[1]));
    const before = fs.readFileSync(sqlitePath());
    const outcome = await resealAuditTrail(t.db, auditKeyring({ auditKey: "the-new-audit-key-".padEnd(48, "n"), auditPreviousKeys: [KEY] }));
    expect(outcome).toMatchObject({ ok: false, problems: [{ kind: "state mismatch" }] });
    await t.db.$disconnect();
    expect(fs.readFileSync(sqlitePath()).equals(before)).toBe(true);
  });
});

describe("a trail from before keyed hashes", () => {
  it("is checked with its plain SHA-256 links, then sealed, its comments recorded; a damaged one is not", async () => {
    // Turn the copy back into what the previous version wrote: SHA-256 entries, no heads, no comment entries.
    tamper((sqlite) => {
      sqlite.prepare('UPDATE "Comment" SET auditEntryId = NULL').run();
      sqlite.prepare(`DELETE FROM "AuditEntry" WHERE event = 'COMMENT'`).run();
      sqlite.prepare('UPDATE "Request" SET auditHead = NULL, auditCount = 0, auditSeal = NULL').run();
      sqlite.prepare('UPDATE "AuditChainHead" SET head = NULL, entries = 0, seal = NULL').run();
      const rows = sqlite.prepare('SELECT * FROM "AuditEntry" ORDER BY id').all() as Array<Record<string, unknown> & { id: number; requestId: string | null }>;
      const heads = new Map<string, string | null>();
      for (const row of rows) {
        const chain = row.requestId ?? "portal";
        const prev = heads.get(chain) ?? null;
        const entry = { ...(row as never as Parameters<typeof legacyEntryHash>[0]), acting: Boolean(row.acting), at: new Date(String(row.at)) };
        const hash = legacyEntryHash(entry, prev);
        sqlite.prepare('UPDATE "AuditEntry" SET keyId = NULL, prevHash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
        heads.set(chain, hash);
      }
    });
    expect((await firstProblem())?.kind).toBe("unsealed");
    const outcome = await resealAuditTrail(t.db, auditKeyring(settings));
    expect(outcome).toEqual({ ok: true, chains: 3 });
    expect(await verify()).toMatchObject({ entries: 10, problems: [] });
  });
});
