// Seed demo departments and accounts into an empty database.
// `npm run db:seed` seeds DATABASE_URL; tests call seedDatabase(client) on their own file.
import { hashPassword, type ScryptParams } from "../app/auth/password.server";
import { connectDb, type PrismaClient } from "../app/db.server";
import { ensureDefaultFeeSchedule } from "../app/fees/feeSchedules.server";
import { addFederalHolidays } from "../app/holidays/holidays.server";
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS, DEMO_PASSWORD } from "./demo-accounts";
import { seedDemoRequests } from "./demo-requests";
import { runsAsCommand } from "../scripts/runsAsCommand";

export interface SeedOptions {
  /** Password hashing parameters; tests may pass cheaper ones. */
  scryptParams?: ScryptParams;
  /** Also create demo requests, as of this instant in the county's time zone. */
  demoRequests?: { now: Date; timeZone: string };
}

export interface SeedResult {
  seeded: boolean;
  departments: number;
  users: number;
}

/**
 * What `npm start` puts into the database (issue 15, item 6). In production: the fee schedule
 * and nothing else, never the demo accounts (their passwords and TOTP secrets are published);
 * `needsAdmin` says no one can sign in yet (`npm run admin:create`). Otherwise the demo data.
 */
export async function seedOnStart(
  db: PrismaClient,
  options: { nodeEnv: string; timeZone: string; now: Date },
  scryptParams?: ScryptParams,
): Promise<SeedResult & { needsAdmin: boolean }> {
  if (options.nodeEnv === "production") {
    await ensureDefaultFeeSchedule(db);
    return { seeded: false, departments: 0, users: 0, needsAdmin: (await db.user.count()) === 0 };
  }
  const result = await seedDatabase(db, { scryptParams, demoRequests: { now: options.now, timeZone: options.timeZone } });
  return { ...result, needsAdmin: false };
}

/** Seeds only when there are no departments; returns whether it did. Safe to call on every start. */
export async function seedDatabase(db: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  // Before the early return, so a database seeded before fee schedules existed gets version 1,
  // and every start adds this and next year's federal holidays (R19) unless already there,
  // observed or taken off by the administrator.
  await ensureDefaultFeeSchedule(db);
  const year = new Date().getUTCFullYear();
  for (const y of [year, year + 1]) await addFederalHolidays(db, y);
  if ((await db.department.count()) > 0) return { seeded: false, departments: 0, users: 0 };

  // Hash outside the transaction (scrypt is slow on purpose); one salt per account.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD, options.scryptParams)));

  await db.$transaction(async (tx) => {
    const departmentIds = new Map<string, string>();
    for (const d of DEMO_DEPARTMENTS) {
      const created = await tx.department.create({
        data: { code: d.code, name: d.name, partnerSince: d.partnerSince },
      });
      departmentIds.set(d.code, created.id);
    }
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      await tx.user.create({
        data: {
          email: a.email,
          name: a.name,
          passwordHash: hashes[i],
          departmentId: departmentIds.get(a.departmentCode) ?? null,
          // Demo MFA (README): no recovery codes, the secret is published instead.
          ...(a.totpSecret ? { mfaSecret: a.totpSecret, mfaEnabledAt: new Date() } : {}),
          roles: { create: [{ role: a.role, acting: false }] },
        },
      });
    }
  });
  if (options.demoRequests) await seedDemoRequests(db, options.demoRequests.now, options.demoRequests.timeZone);
  return { seeded: true, departments: DEMO_DEPARTMENTS.length, users: DEMO_ACCOUNTS.length };
}


// `tsx prisma/seed.ts`
if (runsAsCommand(import.meta.url)) {
  if (process.env.NODE_ENV === "production") {
    console.error("The demo data is not seeded in production; create the first administrator with npm run admin:create -- --email …");
    process.exit(1);
  }
  const url = process.env.DATABASE_URL ?? "file:./var/portal.db";
  const db = await connectDb(url);
  try {
    const result = await seedDatabase(db);
    console.log(result.seeded ? `Seeded ${result.departments} departments and ${result.users} accounts.` : "Database already has data; not seeding.");
  } finally {
    await db.$disconnect();
  }
}
