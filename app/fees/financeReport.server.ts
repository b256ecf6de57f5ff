// The Finance report's data for one fiscal year, shared by the page and the CSV export.
import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { memoised } from "~/dataVersionMemo.server";
import { visibilityKey } from "~/requests/access.server";
import { getSettings } from "~/settings.server";
import { localDate } from "workflows";
import { fiscalYearChoices } from "./feeReport";
import { feeRecords } from "./feeReport.server";
import { fiscalYearOf } from "./fiscalYear";
import { chosenYear, inYear } from "./reportFilter";

export async function financeReport(db: PrismaClient, user: CurrentUser, url: URL, now = new Date()) {
  const { timeZone, fiscalYearStartMonth } = getSettings();
  const current = fiscalYearOf(localDate(now, timeZone), fiscalYearStartMonth).label;
  // Keyed by what the person may see (R1): the fees read depend on nothing else about them.
  const all = await memoised(db, `fees|${visibilityKey(user)}`, () => feeRecords(db, user, { timeZone, fiscalYearStartMonth }));
  const year = chosenYear(url.searchParams.get("year"), current);
  return { year, years: fiscalYearChoices(all, current), records: inYear(all, year), fiscalYearStartMonth };
}
