// Requests on the capacity calendar, for its tests (issues 8 and 19): made by the partner
// requester for one effective date, moved through the real transition service, analysed through
// the analysis page's own action (a one-day mailing of 800 calls on the effective date), and the
// calendar's day view as the analyst loads it.
import type { DayStaffing } from "../../app/capacity/combinedStaffing";
import type { DayEntry, ListedLoad } from "../../app/calendar/dayLoads";
import type { PrismaClient } from "../../app/db.server";
import { createDraft } from "../../app/requests/drafts.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import * as calendarRoute from "../../app/routes/calendar";
import * as analysisRoute from "../../app/routes/requests.$id_.analysis";
import { personAt } from "./people";
import { analysisFields, materialsColumns } from "./requests";
import { get, post, run, statusOf } from "./routes";

type Fn = Parameters<typeof run>[0];

export const DIRECTOR = "director@example.gov";
export const REQUESTER = "requester.partner@example.gov";

/** The calendar's day view, as its loader answers. */
export interface DayView {
  loads: ListedLoad[];
  /** The page of the day's requests, with their calls and departments. */
  table: DayEntry[];
  page: { page: number; pages: number; offset: number };
  /** Null while no staffing baseline is set. */
  staffing: DayStaffing[] | null;
}

export interface CalendarRequests {
  /** One event through the transition service, which must accept it. */
  act(requestId: string, email: string, event: EventPayload): Promise<void>;
  /** A materials request for the effective date, submitted. */
  newRequest(title: string): Promise<string>;
  /** The analysis recorded through the analysis page, as the analyst does. */
  recordAnalysis(requestId: string): Promise<void>;
  /** A new request analysed and brought to the decision, its fee waived. */
  analysedToDecision(title: string): Promise<string>;
  dayView(date?: string): Promise<DayView>;
  /** The month holding `date`, as its loader answers. */
  monthView(date?: string): Promise<MonthView>;
  /** The HTML of a day's cell in its month's table. */
  monthDay(date?: string): Promise<string>;
}

/**
 * The calendar's month view, as its loader answers a data request: the table as HTML
 * (calendar/monthGrid.server.tsx), which a document gets through the load context instead.
 */
export interface MonthView {
  month: { html: string; busy: boolean };
  /** Null while no staffing baseline is set. */
  pinches: number | null;
  loads: ListedLoad[];
  staffing: DayStaffing[] | null;
}

export function calendarRequests(options: { db: PrismaClient; analystCookie: string; effective: string; timeZone: string }): CalendarRequests {
  const { db, analystCookie, effective, timeZone } = options;
  const steps: CalendarRequests = {
    async act(requestId, email, event) {
      const outcome = await transition(db, { request: requestId, by: await personAt(db, email, new Date()), event, now: new Date(), timeZone });
      if (!outcome.ok) throw new Error(`${event.type}: ${outcome.reason}`);
    },
    async newRequest(title) {
      const requester = await personAt(db, REQUESTER, new Date());
      const { id } = await createDraft(db, { user: requester, columns: materialsColumns(effective, title), now: new Date(), timeZone });
      await steps.act(id, REQUESTER, { type: "SUBMIT" });
      return id;
    },
    async recordAnalysis(requestId) {
      const answer = await run(
        analysisRoute.action as Fn,
        post(`/requests/${requestId}/analysis`, analystCookie, { intent: "record", ...analysisFields(effective), recommendation: "Add one agent." }),
        { id: requestId },
      );
      if (statusOf(answer) !== 303) throw new Error(`The analysis was not recorded: ${JSON.stringify(answer)}`);
    },
    async analysedToDecision(title) {
      const id = await steps.newRequest(title);
      await steps.act(id, DIRECTOR, { type: "ORDER_ANALYSIS" });
      await steps.recordAnalysis(id);
      await steps.act(id, "finance@example.gov", { type: "ASSESS_FEE", amount: 0, suggested: 0, scheduleVersion: null });
      return id;
    },
    async dayView(date = effective) {
      return (await run(calendarRoute.loader as Fn, get(`/calendar?day=${date}`, analystCookie))) as DayView;
    },
    async monthView(date = effective) {
      return (await run(calendarRoute.loader as Fn, get(`/calendar?month=${date.slice(0, 7)}`, analystCookie))) as MonthView;
    },
    async monthDay(date = effective) {
      const { html } = (await steps.monthView(date)).month;
      const cell = new RegExp(`<td[^>]*data-date="${date}">(.*?)</td>`).exec(html);
      if (!cell) throw new Error(`No cell for ${date} in the month's table`);
      return cell[1];
    },
  };
  return steps;
}
