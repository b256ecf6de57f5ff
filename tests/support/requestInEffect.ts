// An approved materials request with an analysis (a one-day mailing: 800 calls) whose effective
// date has come, so that actual calls can be set against its forecast (issue 19): for the
// actual-calls and accuracy tests. Through the real transitions, as the people would.
import { expect } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { analysisFormSchema } from "../../app/analysis/analysisForm";
import { recordAnalysis } from "../../app/analysis/recordAnalysis.server";
import { createDraft } from "../../app/requests/drafts.server";
import { findRequest } from "../../app/requests/queries.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import { addCalendarDays, localDate } from "workflows";
import { personAt } from "./people";
import { analysisFields, materialsColumns } from "./requests";

const REQUESTER = "requester.partner@example.gov";
const DIRECTOR = "director@example.gov";

/** The request's id and its forecast days, in date order. */
export async function requestInEffect(db: PrismaClient, title: string, timeZone: string): Promise<{ id: string; days: Array<{ date: string; calls: number }> }> {
  const now = new Date();
  const effective = addCalendarDays(localDate(now, timeZone), 30);
  const by = await personAt(db, REQUESTER, now, timeZone);
  const { id } = await createDraft(db, { user: by, now, timeZone, columns: materialsColumns(effective, title) });
  const steps: Array<[string, EventPayload | "analysis"]> = [
    [REQUESTER, { type: "SUBMIT" }],
    [DIRECTOR, { type: "ORDER_ANALYSIS" }],
    ["analyst@example.gov", "analysis"],
    ["finance@example.gov", { type: "ASSESS_FEE", amount: 0, suggested: 3464, scheduleVersion: 1, comment: "Partner: no fee." }],
    [DIRECTOR, { type: "APPROVE", slot: "director" }],
    ["assistant.director@example.gov", { type: "APPROVE", slot: "assistantDirector" }],
  ];
  for (const [email, event] of steps) {
    const person = await personAt(db, email, now, timeZone);
    const outcome =
      event === "analysis"
        ? await recordAnalysis(db, { by: person, request: (await findRequest(db, id))!, form: analysisFormSchema.parse({ type: "materials", ...analysisFields(effective) }), offer: null, now, timeZone })
        : await transition(db, { request: id, by: person, event, now, timeZone });
    expect(outcome.ok, `${email}: ${JSON.stringify(outcome)}`).toBe(true);
  }
  // Setup only: the request's effective date has come (the machine needs notice to approve it).
  await db.request.update({ where: { id }, data: { effectiveDate: localDate(now, timeZone) } });
  const analysis = await db.analysis.findFirstOrThrow({ where: { requestId: id }, include: { days: { orderBy: { date: "asc" } } } });
  return { id, days: analysis.days.map((d) => ({ date: d.date, calls: d.calls })) };
}
