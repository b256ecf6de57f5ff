// Issue 16: a rule has one home, workflows/. Partner status and the notice period (R4–R7) read
// through the home page, the new-request page and the machine agree for every department of the
// seed and for one whose partnership begins next month, on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition } from "../../app/requests/transition.server";
import * as home from "../../app/routes/_index";
import * as newRequest from "../../app/routes/requests.new";
import { seedDatabase } from "../../prisma/seed";
import { DEMO_DEPARTMENTS } from "../../prisma/demo-accounts";
import { addCalendarDays, localDate } from "workflows";
import { addPerson, FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
import { cookieFor, get, run, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

const TZ = "America/New_York";
type Fn = Parameters<typeof run>[0];
let t: TestDb;
let db: PrismaClient;
const nextMonth = addCalendarDays(localDate(new Date(), TZ), 30);

/** Every seeded department, and Parks, a partner only from next month: 14 days' notice until then. */
const departments = [
  ...DEMO_DEPARTMENTS.map((d) => ({ code: d.code, partner: d.partnerSince !== null })),
  { code: "PKS", partner: false },
];

beforeAll(async () => {
  t = await createTestDb("rules-in-one-place");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  await db.department.create({ data: { code: "PKS", name: "Parks", partnerSince: nextMonth } });
  for (const { code } of departments) await addPerson(db, `requester.${code.toLowerCase()}@example.gov`, code, [{ role: "requester" }]);
});

afterAll(async () => {
  await t.cleanup();
});

type HomeData = { user: { department: { standing: string } } };
type NewRequestData = { notice: { partner: boolean; days: number; earliest: string; countedFrom: string }; types: Array<{ value: string }> };

describe("partner status and notice, as every page and the machine see them (R4–R7)", () => {
  for (const { code, partner } of departments) {
    it(`${code}: ${partner ? "a partner, 7" : "not a partner, 14"} calendar days' notice everywhere`, async () => {
      const email = `requester.${code.toLowerCase()}@example.gov`;
      const cookie = await cookieFor(db, email);
      const days = partner ? 7 : 14;

      const homePage = (await run(home.loader as Fn, get("/", cookie))) as HomeData;
      expect(homePage.user.department.standing).toBe(
        partner ? `is a 3-1-1 partner: give at least ${days} calendar days' notice` : `is not a 3-1-1 partner: give at least ${days} calendar days' notice`,
      );

      const form = (await run(newRequest.loader as Fn, get("/requests/new?type=materials", cookie))) as NewRequestData;
      expect(form.notice).toMatchObject({ partner, days, earliest: addCalendarDays(form.notice.countedFrom, days) });
      expect(form.types.map((type) => type.value).includes("automated_response")).toBe(partner);

      // The machine refuses the day before the page's earliest date and takes the earliest.
      const now = new Date();
      const requester = await personAt(db, email, now);
      for (const [effective, accepted] of [
        [addCalendarDays(form.notice.earliest, -1), false],
        [form.notice.earliest, true],
      ] as const) {
        const { id } = await createDraft(db, { user: requester, columns: materialsColumns(effective), now, timeZone: TZ });
        const outcome = await transition(db, { request: id, by: requester, event: { type: "SUBMIT" }, now, timeZone: TZ });
        expect(outcome.ok).toBe(accepted);
        if (!outcome.ok) expect(outcome.reason).toContain(`at least ${days} calendar days' notice`);
        if (outcome.ok) expect((await db.request.findUniqueOrThrow({ where: { id } })).partnerAtSubmission).toBe(partner);
      }
    });
  }
});
