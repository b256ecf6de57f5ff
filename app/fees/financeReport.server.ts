// The Finance report's data for one fiscal year, shared by the page and the CSV export.
import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { memoised } from "~/dataVersionMemo.server";
import { visibilityKey } from "~/requests/access.server";
import { getSettings } from "~/settings.server";
import { localDate } from "workflows";
import { fiscalYearChoices, totalsByDepartment } from "./feeReport";
import { feeRecords } from "./feeReport.server";
import { fiscalYearOf } from "./fiscalYear";
import { chosenYear, inYear } from "./reportFilter";

export async function financeReport(db: PrismaClient, user: CurrentUser, url: URL, now = new Date()) {
  const { timeZone, fiscalYearStartMonth } = getSettings();
  const current = fiscalYearOf(localDate(now, timeZone), fiscalYearStartMonth).label;
  const year = chosenYear(url.searchParams.get("year"), current);
  // Keyed by what the person may see (R1): the fees read depend on nothing else about them. The
  // year's records, choices and totals are kept too: worked out on every request, they grew with
  // every fee the portal holds (31 ms of CPU a page at 100 000 requests, against 13 at 1 000).
  const visible = visibilityKey(user);
  const report = await memoised(db, `fees|${visible}|${current}|${year}`, async () => {
    const all = await memoised(db, `fees|${visible}`, () => feeRecords(db, user, { timeZone, fiscalYearStartMonth }));
    const records = inYear(all, year);
    return { years: fiscalYearChoices(all, current), records, totals: totalsByDepartment(records) };
  });
  return { year, fiscalYearStartMonth, ...report };
}
