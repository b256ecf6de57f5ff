// Template requests, one per (department kind, type, state), made by the portal's own code:
// createDraft and the transition service drive the machine, so snapshots, audit entries and
// outbox rows are exactly what the portal writes. The seeder clones them with ids and dates moved.
import type Database from "better-sqlite3";
import type { CurrentUser } from "../app/auth/session.server";
import type { PrismaClient } from "../app/db.server";
import { columnsOf } from "../app/requests/answers";
import { addComment } from "../app/requests/comments.server";
import { createDraft } from "../app/requests/drafts.server";
import { analysisFormSchema, type AnalysisForm } from "../app/analysis/analysisForm";
import { prefillAnalysis } from "../app/analysis/prefill";
import { recordAnalysis } from "../app/analysis/recordAnalysis.server";
import { findRequest } from "../app/requests/queries.server";
import { type RequestAnswers, addCalendarDays, localDate, type StateName, type RequestType } from "workflows";
import { transition, type EventPayload } from "../app/requests/transition.server";
import { personAt } from "./people";
import { TIME_ZONE } from "./util";

/** Replaced by each clone's own title. */
export const TITLE_MARK = "BENCH-TITLE";

type Who = "requester" | "director" | "assistant" | "analyst" | "finance" | "system";
type Step = [Who, EventPayload, at?: "effective" | "afterEnd"];

const submit: Step = ["requester", { type: "SUBMIT" }];
const toDecision: Step[] = [
  submit,
  ["director", { type: "ORDER_ANALYSIS" }],
  ["analyst", { type: "RECORD_ANALYSIS", projectedCalls: 240 }],
  ["finance", { type: "ASSESS_FEE", amount: 1250, suggested: 1250, scheduleVersion: 1 }],
  ["requester", { type: "ACCEPT_FEE", accountCode: "100-2000-311" }],
];
const approved: Step[] = [
  submit,
  ["director", { type: "NO_ANALYSIS" }],
  ["director", { type: "APPROVE", slot: "director" }],
  ["assistant", { type: "APPROVE", slot: "assistantDirector" }],
];

/** The events that bring a new draft to each state (approved and completed with no analysis). */
export const PATHS: Record<StateName, Step[]> = {
  draft: [],
  screening: [submit],
  analysis: toDecision.slice(0, 2),
  feeAssessment: toDecision.slice(0, 3),
  feeAcceptance: toDecision.slice(0, 4),
  decision: toDecision,
  changesRequested: [submit, ["assistant", { type: "REQUEST_CHANGES", comment: "Please add the languages and the dates." }]],
  approved,
  completed: [...approved, ["system", { type: "COMPLETE" }, "afterEnd"]],
  rejected: [submit, ["director", { type: "REJECT", comment: "This is not a 311 matter." }]],
  withdrawn: [submit, ["requester", { type: "WITHDRAW", comment: "Plans changed." }]],
  cancelled: [...approved, ["requester", { type: "CANCEL" }]],
  lapsed: [submit, ["system", { type: "LAPSE" }, "effective"]],
};

/**
 * Approved and completed after an analysis (issue 19): the requests whose forecast the calendar
 * adds up and the accuracy page sets against the calls that came.
 */
const analysedApproval: Step[] = [...toDecision, ["director", { type: "APPROVE", slot: "director" }], ["assistant", { type: "APPROVE", slot: "assistantDirector" }]];
export const ANALYSED_PATHS: Partial<Record<StateName, Step[]>> = {
  approved: analysedApproval,
  completed: [...analysedApproval, ["system", { type: "COMPLETE" }, "afterEnd"]],
};

/** What the analyst enters: the department's answers (prefillAnalysis) and the analyst's own rates. */
function analysisForm(answers: RequestAnswers): AnalysisForm {
  const rates = { materials: { responseRate: "0.02" }, call_routing: { shareAt311: "0.6" }, automated_response: { transferredCallsPerMonth: "900", handledBySystemShare: "0.7" } };
  return analysisFormSchema.parse({ ...prefillAnalysis(answers, 5), ...rates[answers.type] });
}

function answers(type: RequestType, effective: string, end: string, contactName: string): RequestAnswers {
  const contact = { title: TITLE_MARK, contactName, contactPhone: "240-777-0311", effectiveDate: effective };
  switch (type) {
    case "materials":
      return {
        type,
        ...contact,
        description: "Postcards to every household announcing the new schedule, with 3-1-1 for questions.",
        endDate: end,
        materialsKind: "mailing",
        audienceSize: "85000",
        languages: "English, Spanish",
      };
    case "call_routing":
      return {
        type,
        ...contact,
        description: "Route the seasonal line to 311 for the season.",
        endDate: end,
        unitOrLine: "Seasonal operations line 240-777-7669",
        callsPerMonth: "1800",
        routing: "temporary",
      };
    case "automated_response":
      return { type, ...contact, description: "Calls transferred from 311 to the scheduling IVR.", systemName: "Scheduling IVR" };
  }
}

type People = Record<Exclude<Who, "system">, CurrentUser>;

async function people(db: PrismaClient, requesterEmail: string, at: Date): Promise<People> {
  return {
    requester: await personAt(db, requesterEmail, at),
    director: await personAt(db, "director@example.gov", at),
    assistant: await personAt(db, "assistant.director@example.gov", at),
    analyst: await personAt(db, "analyst@example.gov", at),
    finance: await personAt(db, "finance@example.gov", at),
  };
}

export type Row = Record<string, unknown>;

export interface Template {
  state: StateName;
  type: RequestType;
  partner: boolean;
  /** Approved or completed after an analysis (ANALYSED_PATHS); other states have one or not as their path does. */
  analysed: boolean;
  request: Row;
  audit: Row[];
  outbox: Row[];
  comments: Row[];
  /** The current analysis and its days, if the path recorded one. */
  analysis: Row | null;
  analysisDays: Row[];
  /** What the clone replaces: the template's own ids and names. */
  marks: { departmentId: string; departmentName: string; submitterId: string; submitterName: string; submitterEmail: string; analysisId?: string };
}

const HOUR = 3_600_000;

/** Walks one draft along `steps`; each event one hour after the previous (the clock's at its due date). */
async function walk(db: PrismaClient, who: People, id: string, steps: Step[], t0: Date, dates: { effective: string; end: string }, form: AnalysisForm) {
  for (const [i, [actor, event, when]] of steps.entries()) {
    const due = when === "effective" ? dates.effective : when === "afterEnd" ? addCalendarDays(dates.end, 1) : null;
    const now = due ? new Date(`${due}T15:00:00Z`) : new Date(t0.getTime() + (i + 1) * HOUR);
    const by = actor === "system" ? "system" : who[actor];
    // An analysis as the analyst records it: its Analysis and AnalysisDay rows with the event.
    const outcome =
      event.type === "RECORD_ANALYSIS" && by !== "system"
        ? await recordAnalysis(db, { by, request: (await findRequest(db, id))!, form, offer: null, now, timeZone: TIME_ZONE })
        : await transition(db, { request: id, by, event, now, timeZone: TIME_ZONE });
    if (!outcome.ok) return false;
  }
  return true;
}

const REQUESTERS = { partner: "requester.partner@example.gov", nonPartner: "requester.nonpartner@example.gov" };
const COMMENTED: StateName[] = ["changesRequested", "rejected", "decision", "feeAcceptance"];

/**
 * Builds every template at `t0` (effective 21 days later), reads the rows back, then deletes them:
 * the clones are the data. Paths the machine refuses for a type (a permanent line never completes)
 * are left out.
 */
export async function buildTemplates(db: PrismaClient, sqlite: Database.Database, t0: Date): Promise<Template[]> {
  const today = localDate(t0, TIME_ZONE);
  const dates = { effective: addCalendarDays(today, 21), end: addCalendarDays(today, 35) };
  const made: Array<{ id: string; state: StateName; type: RequestType; partner: boolean; analysed: boolean }> = [];
  for (const partner of [true, false]) {
    const who = await people(db, partner ? REQUESTERS.partner : REQUESTERS.nonPartner, t0);
    const types: RequestType[] = partner ? ["materials", "call_routing", "automated_response"] : ["materials", "call_routing"];
    for (const type of types) {
      const paths = [
        ...(Object.entries(PATHS) as Array<[StateName, Step[]]>).map(([state, steps]) => ({ state, steps, analysed: false })),
        ...(Object.entries(ANALYSED_PATHS) as Array<[StateName, Step[]]>).map(([state, steps]) => ({ state, steps, analysed: true })),
      ];
      for (const { state, steps, analysed } of paths) {
        const typed = answers(type, dates.effective, dates.end, who.requester.name);
        const { id } = await createDraft(db, { user: who.requester, columns: columnsOf(typed), now: t0, timeZone: TIME_ZONE });
        if (COMMENTED.includes(state)) {
          await addComment(db, who.director, id, "Who is the audience, and how many pieces go out?", new Date(t0.getTime() + 30 * 60_000));
          await addComment(db, who.requester, id, "About 85 000 households, in English and Spanish.", new Date(t0.getTime() + 45 * 60_000));
        }
        if (await walk(db, who, id, steps, t0, dates, analysisForm(typed))) made.push({ id, state, type, partner, analysed });
      }
    }
  }
  const templates = made.map((m) => readTemplate(sqlite, m));
  sqlite.transaction(() => {
    for (const table of ["OutboxMessage", "AuditEntry", "Comment", "AnalysisDay", "Analysis"]) sqlite.prepare(`DELETE FROM "${table}"`).run();
    sqlite.prepare(`DELETE FROM "Request"`).run();
    sqlite.prepare(`DELETE FROM "RequestCounter"`).run();
  })();
  return templates;
}

function readTemplate(sqlite: Database.Database, m: { id: string; state: StateName; type: RequestType; partner: boolean; analysed: boolean }): Template {
  const request = sqlite.prepare(`SELECT * FROM "Request" WHERE id = ?`).get(m.id) as Row;
  // The current analysis only (R13): the one recorded at the request's analysisAt.
  const analysis = (sqlite.prepare(`SELECT * FROM "Analysis" WHERE requestId = ? AND createdAt = ?`).get(m.id, request.analysisAt) as Row | undefined) ?? null;
  const submitter = sqlite
    .prepare(`SELECT u.id, u.name, u.email, d.id AS departmentId, d.name AS departmentName FROM "User" u JOIN "Department" d ON d.id = u.departmentId WHERE u.id = ?`)
    .get(request.submitterId) as { id: string; name: string; email: string; departmentId: string; departmentName: string };
  return {
    ...m,
    request,
    audit: sqlite.prepare(`SELECT * FROM "AuditEntry" WHERE requestId = ? ORDER BY id`).all(m.id) as Row[],
    outbox: sqlite.prepare(`SELECT * FROM "OutboxMessage" WHERE requestId = ? ORDER BY createdAt, id`).all(m.id) as Row[],
    comments: sqlite.prepare(`SELECT * FROM "Comment" WHERE requestId = ? ORDER BY createdAt`).all(m.id) as Row[],
    analysis,
    analysisDays: analysis ? (sqlite.prepare(`SELECT * FROM "AnalysisDay" WHERE analysisId = ? ORDER BY date`).all(analysis.id) as Row[]) : [],
    marks: {
      departmentId: submitter.departmentId,
      departmentName: submitter.departmentName,
      submitterId: submitter.id,
      submitterName: submitter.name,
      submitterEmail: submitter.email,
      ...(analysis ? { analysisId: String(analysis.id) } : {}),
    },
  };
}

/**
 * One request with a long history (the request page's worst case): `cycles` rounds of
 * changes requested and resubmitted, and a comment every few rounds. Left in screening.
 */
export async function buildLongTrail(db: PrismaClient, t0: Date, cycles: number): Promise<string> {
  const today = localDate(t0, TIME_ZONE);
  const who = await people(db, REQUESTERS.partner, t0);
  const columns = columnsOf(answers("materials", addCalendarDays(today, 40), addCalendarDays(today, 50), who.requester.name));
  columns.title = "Countywide recycling calendar mailing (long history)";
  const { id } = await createDraft(db, { user: who.requester, columns, now: t0, timeZone: TIME_ZONE });
  const steps: Step[] = [submit];
  for (let i = 0; i < cycles; i++) {
    steps.push(["director", { type: "REQUEST_CHANGES", comment: `Round ${i + 1}: please adjust the wording.` }]);
    steps.push(["requester", { type: "RESUBMIT", comment: `Round ${i + 1}: wording adjusted.` }]);
  }
  const minute = 60_000;
  for (const [i, [actor, event]] of steps.entries()) {
    const outcome = await transition(db, { request: id, by: who[actor as Exclude<Who, "system">], event, now: new Date(t0.getTime() + i * minute), timeZone: TIME_ZONE });
    if (!outcome.ok) throw new Error(`Long history step ${event.type} refused: ${outcome.reason}`);
    if (i % 5 === 0) await addComment(db, who.director, id, `Note ${i / 5 + 1} on the wording of the mailing.`, new Date(t0.getTime() + i * minute + 1000));
  }
  return id;
}
