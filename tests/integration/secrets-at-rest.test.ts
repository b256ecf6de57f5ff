// Issue 15, item 5: the database file was world-readable and held bearer secrets in plain text.
// Now var/ is 0700 and the database (with its WAL files) and the .eml outbox are 0600, and what
// the database keeps of a session id or an invitation link is only a hash: a copy of the file
// signs nobody in and opens no invitation.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteUser } from "../../app/admin/users.server";
import { acceptInvitation } from "../../app/admin/invitations.server";
import { createSessionStore } from "../../app/auth/session.server";
import { keepFilesPrivate } from "../../app/privateFiles.server";
import { loadSettings, resetSettings } from "../../app/settings.server";
import { dispatchAll } from "../../emails/dispatcher.server";
import { createFileTransport } from "../../emails/file-transport.server";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { createTestDb, type TestDb } from "../support/testDb";

const root = path.resolve(import.meta.dirname, "../../var/test", `private-${process.pid}`);
const mode = (file: string) => fs.statSync(file).mode & 0o777;
let t: TestDb;
const settings = loadSettings({ NODE_ENV: "test", SESSION_SECRET: "s".repeat(40), APP_URL: "http://portal.test" });

beforeAll(async () => {
  t = await createTestDb("secrets-at-rest");
  await seedDatabase(t.db, { scryptParams: FAST_SCRYPT });
  resetSettings(settings);
});

afterAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  resetSettings();
  await t.cleanup();
});

describe("file permissions", () => {
  it("closes var/, the mail folder and the database files to everyone but the portal's user", () => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(path.join(root, "var", "mail"), { recursive: true, mode: 0o755 });
    fs.chmodSync(path.join(root, "var"), 0o755);
    const db = path.join(root, "var", "portal.db");
    for (const suffix of ["", "-wal", "-shm"]) fs.writeFileSync(db + suffix, "", { mode: 0o644 });
    const umask = process.umask();
    try {
      keepFilesPrivate({ varDir: path.join(root, "var"), databaseUrl: `file:${db}`, mailDir: path.join(root, "var", "mail") });
      expect(mode(path.join(root, "var"))).toBe(0o700);
      expect(mode(path.join(root, "var", "mail"))).toBe(0o700);
      for (const suffix of ["", "-wal", "-shm"]) expect([suffix, mode(db + suffix)]).toEqual([suffix, 0o600]);
      // And whatever the process writes from now on (SQLite's new WAL files, a new database).
      fs.writeFileSync(path.join(root, "var", "later.db"), "");
      expect(mode(path.join(root, "var", "later.db"))).toBe(0o600);
    } finally {
      process.umask(umask);
    }
  });

  it("writes each .eml message readable by its owner only, whatever the umask", async () => {
    const umask = process.umask(0o022);
    try {
      const mailDir = path.join(root, "eml");
      await createFileTransport(mailDir).send({
        id: "m1",
        createdAt: new Date(),
        messageId: "<m1@portal.test>",
        from: "portal@portal.test",
        to: [{ email: "pat@example.gov", name: "Pat" }],
        subject: "s",
        text: "t",
        html: "<p>t</p>",
      });
      expect(mode(mailDir)).toBe(0o700);
      for (const name of fs.readdirSync(mailDir)) expect(mode(path.join(mailDir, name))).toBe(0o600);
    } finally {
      process.umask(umask);
    }
  });
});

describe("only hashes of bearer secrets in the database", () => {
  it("a session's row is keyed by a hash of the cookie's id: the stored value signs nobody in", async () => {
    const store = createSessionStore({ db: t.db, settings });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "requester.partner@example.gov" } });
    const setCookie = await store.createSession(new Request("http://portal.test/"), user.id);
    const cookie = setCookie.split(";")[0];
    const [{ id }] = await t.db.session.findMany({ where: { userId: user.id } });
    const rawId = decodeURIComponent(cookie.split("=")[1]).split(".")[0];
    expect(id).not.toBe(rawId);
    expect(await store.getUser(new Request("http://portal.test/", { headers: { Cookie: cookie } }))).toMatchObject({ id: user.id });
    // Someone who read the row puts the stored value in a cookie of their own: no session.
    const forged = await store.cookie.serialize(id);
    expect(await store.getUser(new Request("http://portal.test/", { headers: { Cookie: forged.split(";")[0] } }))).toBeNull();
  });

  it("an invitation's link is nowhere in the database, before or after its e-mail is sent, and the e-mail's link works", async () => {
    const admin = await personAt(t.db, "admin@example.gov", new Date());
    const result = await inviteUser(
      t.db,
      { by: admin, values: { email: "new.person@example.gov", name: "New Person", departmentId: admin.departmentId!, roles: ["requester"] }, now: new Date(), appUrl: settings.appUrl, sessionSecret: settings.sessionSecret },
      FAST_SCRYPT,
    );
    if (!result.ok) throw new Error(result.message);
    const token = result.link.split("/invite/")[1];
    const everything = async () =>
      JSON.stringify([await t.db.outboxMessage.findMany(), await t.db.invitation.findMany(), await t.db.auditEntry.findMany()]);
    expect(await everything()).not.toContain(token);

    const mailDir = path.join(root, "invite-mail");
    await dispatchAll({ db: t.db, transport: createFileTransport(mailDir), workerId: "test", appUrl: settings.appUrl, from: "p@portal.test", maxAttempts: 3, leaseMs: 60_000 });
    const eml = fs.readdirSync(mailDir).map((name) => fs.readFileSync(path.join(mailDir, name), "utf8")).join("\n").replace(/=\r?\n/g, "");
    expect(eml).toContain(`/invite/${token}`);
    expect(await everything()).not.toContain(token);
    expect(await acceptInvitation(t.db, { token, password: "seven blue herons at dawn", now: new Date() }, FAST_SCRYPT)).toEqual({ ok: true, email: "new.person@example.gov" });
  });
});
