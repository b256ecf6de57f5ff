// Issue 15, item 6: demo accounts with published passwords and TOTP secrets were seeded into
// production. With NODE_ENV=production an empty database gets no demo data; the first
// administrator is made with `npm run admin:create -- --email …`, which prints a one-time
// set-up link and queues it by e-mail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "../../app/admin/invitations.server";
import { seedOnStart } from "../../prisma/seed";
import { adminArguments } from "../../scripts/admin-create";
import { runCommand } from "../support/command";
import { FAST_SCRYPT } from "../support/people";
import { createTestDb, type TestDb } from "../support/testDb";

const SECRET = "p".repeat(40);
let prod: TestDb;
let dev: TestDb;

beforeAll(async () => {
  prod = await createTestDb("first-admin-prod");
  dev = await createTestDb("first-admin-dev");
});

afterAll(async () => {
  await prod.cleanup();
  await dev.cleanup();
});

function command(script: string, args: string[], env: Record<string, string>): { code: number; out: string } {
  const run = runCommand(script, args, { NODE_ENV: "production", SESSION_SECRET: SECRET, AUDIT_KEY: "a".repeat(64), APP_URL: "https://portal.county.example", ...env });
  return { code: run.code, out: run.output };
}

describe("an empty database at start", () => {
  it("in production gets the fee schedule and no demo data at all", async () => {
    const result = await seedOnStart(prod.db, { nodeEnv: "production", timeZone: "America/New_York", now: new Date() });
    expect(result).toMatchObject({ seeded: false, needsAdmin: true });
    expect(await prod.db.user.count()).toBe(0);
    expect(await prod.db.department.count()).toBe(0);
    expect(await prod.db.request.count()).toBe(0);
    expect(await prod.db.feeScheduleVersion.count()).toBe(1);
  });

  it("in development gets the demo departments, accounts and requests", async () => {
    const result = await seedOnStart(dev.db, { nodeEnv: "development", timeZone: "America/New_York", now: new Date() }, FAST_SCRYPT);
    expect(result).toMatchObject({ seeded: true, needsAdmin: false });
    expect(await dev.db.user.count()).toBe(7);
    expect(await dev.db.request.count()).toBeGreaterThan(0);
  });

  it("npm run db:seed refuses to seed demo data in production", () => {
    const run = command("prisma/seed.ts", [], { DATABASE_URL: prod.url });
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/not seeded in production/);
  });
});

describe("npm run admin:create", () => {
  it("makes an administrator without a usable password, prints a one-time set-up link and queues it by e-mail", async () => {
    const run = command("scripts/admin-create.ts", ["--email", "Chief.Admin@County.example", "--name", "Chief Admin"], { DATABASE_URL: prod.url });
    expect(run.code).toBe(0);
    const link = /https:\/\/portal\.county\.example\/invite\/([A-Za-z0-9_-]{43})/.exec(run.out);
    expect(link).not.toBeNull();
    const user = await prod.db.user.findUniqueOrThrow({ where: { email: "chief.admin@county.example" }, include: { roles: true } });
    expect(user).toMatchObject({ name: "Chief Admin", active: true, departmentId: null, mfaSecret: null });
    expect(user.roles.map((r) => [r.role, r.acting])).toEqual([["admin", false]]);
    const mail = await prod.db.outboxMessage.findFirstOrThrow({ where: { template: "invitation" } });
    expect(JSON.parse(mail.recipients)).toEqual([{ email: "chief.admin@county.example", name: "Chief Admin" }]);
    const audit = await prod.db.auditEntry.findFirstOrThrow({ where: { requestId: null }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ event: "ADMIN_CREATED", actorId: null, actorName: "npm run admin:create" });
    // The link sets the first password once; the role then needs two-step sign-in at first sign-in.
    expect(await acceptInvitation(prod.db, { token: link![1], password: "seven blue herons at dawn", now: new Date() }, FAST_SCRYPT)).toEqual({ ok: true, email: "chief.admin@county.example" });
    expect(await acceptInvitation(prod.db, { token: link![1], password: "seven blue herons at dawn", now: new Date() }, FAST_SCRYPT)).toMatchObject({ ok: false });
  });

  it("refuses an e-mail that already has an account, a bad address, and a missing one, with one line each", () => {
    const run = command("scripts/admin-create.ts", ["--email", "chief.admin@county.example"], { DATABASE_URL: prod.url });
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/already has an account/);
    // The arguments are read before the database is opened, by the function the command calls.
    expect(adminArguments(["--email", "not-an-address"])).toEqual({ problem: expect.stringMatching(/"not-an-address" is not an e-mail address/) });
    expect(adminArguments([])).toEqual({ problem: expect.stringMatching(/^Usage: npm run admin:create -- --email/) });
    expect(adminArguments(["--email", "a@b.example", "--role", "admin"])).toEqual({ problem: expect.stringMatching(/^Usage:/) });
    expect(adminArguments(["--email", " Pat.Lee@County.example "])).toEqual({ email: "pat.lee@county.example", name: "pat.lee" });
  });
});
