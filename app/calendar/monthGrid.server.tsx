// The month's table as HTML, made once for each data version, month and day (issue 17, decision
// 0036). A month is the calendar's largest view: some 700 elements, which cost React more to
// render on every request than everything else on the page, and as data about 1 300 values
// written into the document. Its HTML depends only on the requests, the baseline and today, as the
// memoised day loads do, so it is remembered with them. React still makes it (renderToStaticMarkup
// escapes every value), from the same components as the week; the page sends it once, through
// components/ServerMarkup.tsx.
import { renderToStaticMarkup } from "react-dom/server";
import { calendarDays } from "~/capacity/staffing.server";
import { pinchCount } from "~/capacity/combinedStaffing";
import { memoised } from "~/dataVersionMemo.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { hasActivity, listedLoad } from "./dayLoads";
import { SHOWN_IN_MONTH } from "./dayPage";
import { MonthGrid } from "./MonthGrid";

export interface MonthGridHtml {
  html: string;
  /** Whether any day of the month has a request in effect or calls. */
  busy: boolean;
  /** Null while no staffing baseline is set; else the month's pinch points (its own days only). */
  pinches: number | null;
}

export function monthGridHtml(db: PrismaClient, view: { month: string; weeks: string[][] }, today: string): Promise<MonthGridHtml> {
  return memoised(db, `month-grid|${view.month}|${today}`, async () => {
    const { loads, staffing } = await calendarDays(db, view.weeks.flat(), SHOWN_IN_MONTH);
    const listed = loads.map((load) => listedLoad(load, false));
    const html = renderToStaticMarkup(<MonthGrid month={view.month} weeks={view.weeks} today={today} loads={listed} staffing={staffing} />);
    const inMonth = (day: { date: string }) => day.date.slice(0, 7) === view.month;
    return {
      html,
      busy: loads.filter(inMonth).some(hasActivity),
      pinches: pinchCount(staffing && staffing.filter(inMonth)),
    };
  });
}
