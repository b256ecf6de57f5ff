// One benchmark database of a given size: accounts, templates, cloned requests, one request
// with a long history, and sessions for the signed-in personas.
import { resetSettings, type Settings } from "../app/settings.server";
import { actualCallsWriter } from "./actualCalls";
import { createBenchDb, type BenchDb } from "./database";
import { seedRequests, type SeedSummary } from "./seed";
import { signIn, type Persona } from "./sessions";
import { buildLongTrail, buildTemplates } from "./templates";

const LONG_TRAIL_CYCLES = 75;

export interface Prepared {
  db: BenchDb;
  seed: SeedSummary & { seconds: number };
  longTrailId: string;
  cookies: Record<Persona, string>;
}

/** Yesterday 15:00 UTC: the templates' events fall in the past, on a whole local day in New York. */
function templateInstant(now: Date): Date {
  const t0 = new Date(now.getTime() - 86_400_000);
  t0.setUTCHours(15, 0, 0, 0);
  return t0;
}

/**
 * A staffing baseline (issue 19), so the calendar pages staff the combined load as they do in
 * service: Monday to Friday, 08:00 to 17:00, 300 calls and 30 agents an hour.
 */
async function setStaffingBaseline(prisma: BenchDb["prisma"], now: Date): Promise<void> {
  const hours = [1, 2, 3, 4, 5].flatMap((weekday) => Array.from({ length: 9 }, (_, i) => ({ weekday, hour: 8 + i, calls: 300, agents: 30 })));
  await prisma.staffingBaselineHour.createMany({ data: hours });
  await prisma.staffingBaselineTarget.create({
    data: { id: 1, handleTimeSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 60, nextDigestOn: "2099-01-05", updatedAt: now },
  });
}

export async function prepareDb(size: number, settings: Settings): Promise<Prepared> {
  const started = performance.now();
  const db = await createBenchDb(`bench-${size}`);
  // The server's settings for this process too: the audit chains are signed with its AUDIT_KEY.
  resetSettings({ ...settings, databaseUrl: db.url });
  const t0 = templateInstant(new Date());
  const templates = await buildTemplates(db.prisma, db.sqlite, t0);
  // Seeding only: this connection need not wait for the disk; the server's connections do.
  db.sqlite.pragma("synchronous = OFF");
  const analyst = db.sqlite.prepare(`SELECT id FROM "User" WHERE email = 'analyst@example.gov'`).get() as { id: string };
  const summary = seedRequests(db.sqlite, templates, db.departments, size - 1, t0, actualCallsWriter(db.sqlite, analyst.id, t0));
  db.sqlite.pragma("synchronous = FULL");
  await setStaffingBaseline(db.prisma, t0);
  const longTrailId = await buildLongTrail(db.prisma, t0, LONG_TRAIL_CYCLES);
  const cookies = await signIn(db.prisma, settings);
  const seconds = (performance.now() - started) / 1000;
  return { db, seed: { ...summary, requests: summary.requests + 1, seconds }, longTrailId, cookies };
}
