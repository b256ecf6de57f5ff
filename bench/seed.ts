// Fast seeding: N requests cloned from the templates with raw better-sqlite3 prepared statements,
// a few thousand per transaction. Spread over departments, types, states and five years; the
// open ones (about 3 %) recent, with effective dates still ahead, as in a real portal.
import type Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { currentAuditKeyring } from "../app/requests/audit.server";
import { entryHash, requestSeal, type AuditInput } from "../app/requests/auditHash.server";
import type { RequestType, StateName } from "workflows";
import { localDate } from "workflows";
import type { ActualCallsWriter } from "./actualCalls";
import { IMPORT_DAYS, QUEUE_SHARE } from "./actualCalls";
import { compileRow, renderRow, type CompiledRow, type Marks } from "./clone";
import type { BenchDepartment } from "./database";
import type { Row, Template } from "./templates";
import { pick, random, shiftDate, TIME_ZONE } from "./util";

const OPEN_SHARE = 0.03;
/** Of approved and completed requests, the share with an analysis (the director ordered one). */
const ANALYSED_SHARE = 0.25;
const YEARS = 5;
const BATCH = 5000;

/** Relative weights of the states, among recent requests and among older ones. */
const RECENT: Array<[StateName, number]> = [
  ["draft", 15], ["screening", 20], ["analysis", 10], ["feeAssessment", 8], ["feeAcceptance", 8],
  ["decision", 14], ["changesRequested", 10], ["approved", 15],
];
const OLDER: Array<[StateName, number]> = [
  ["completed", 60], ["rejected", 10], ["withdrawn", 12], ["cancelled", 6], ["lapsed", 12],
];

const SUBJECTS: Record<RequestType, string[]> = {
  materials: ["Leaf collection postcard", "Recycling calendar mailing", "Summer camp flyer", "Road resurfacing door hangers", "Budget forum poster", "Heat relief brochure", "Voter guide insert", "Tax credit letter"],
  call_routing: ["Snow plow hotline", "Pothole reporting line", "Permit questions line", "Pet licensing line", "Senior services line", "Bulk trash line", "Shelter information line", "Vaccine clinic line"],
  automated_response: ["Bulk trash pickup IVR", "Permit status IVR", "Parking ticket IVR", "Library renewals IVR", "Water bill IVR", "Inspection scheduling IVR"],
};
export const PLACES = ["Wheaton", "Silver Spring", "Bethesda", "Rockville", "Gaithersburg", "Germantown", "Olney", "Potomac", "Takoma Park", "Kensington", "Damascus", "Poolesville", "Burtonsville", "Clarksburg", "Aspen Hill", "Glenmont", "Chevy Chase", "Sandy Spring", "Laytonsville", "Colesville", "Fairland", "Hillandale", "Montgomery Village", "Cloverly", "Ashton", "Brookeville", "Boyds", "Darnestown", "Garrett Park", "Glen Echo", "Barnesville", "Layhill", "Calverton", "Redland", "Travilah", "Derwood", "Leisure World", "White Oak", "Four Corners", "Forest Glen"];

function weighted<T>(rand: () => number, items: Array<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

function typeFor(rand: () => number, partner: boolean): RequestType {
  return weighted(rand, partner ? [["materials", 50], ["call_routing", 35], ["automated_response", 15]] : [["materials", 60], ["call_routing", 40]]);
}

interface Prepared {
  template: Template;
  request: CompiledRow;
  audit: CompiledRow[];
  outbox: CompiledRow[];
  comments: CompiledRow[];
  analysis: CompiledRow | null;
  analysisDays: CompiledRow[];
}

function prepare(template: Template): Prepared {
  const marks: Marks = {
    id: String(template.request.id),
    reference: String(template.request.reference),
    title: String(template.request.title),
    ...template.marks,
  };
  const compile = (row: Row) => compileRow(row, marks);
  return {
    template,
    request: compile(template.request),
    audit: template.audit.map(compile),
    outbox: template.outbox.map(compile),
    comments: template.comments.map(compile),
    analysis: template.analysis ? compile(template.analysis) : null,
    analysisDays: template.analysisDays.map(compile),
  };
}

function insert(sqlite: Database.Database, table: string, columns: string[]) {
  const names = columns.map((c) => `"${c}"`).join(", ");
  return sqlite.prepare(`INSERT INTO "${table}" (${names}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);
}

export interface SeedSummary {
  requests: number;
  audit: number;
  outbox: number;
  comments: number;
  analyses: number;
  analysisDays: number;
  /** Requests tied to a queue code, and their interval rows of actual calls. */
  queues: number;
  actualCalls: number;
}

/**
 * Inserts `count` cloned requests; `t0` is the instant the templates were made at. Analysed
 * requests in effect since imports began get a queue code and actual calls (`actuals`).
 */
export function seedRequests(
  sqlite: Database.Database,
  templates: Template[],
  departments: BenchDepartment[],
  count: number,
  t0: Date,
  actuals: ActualCallsWriter,
): SeedSummary {
  const rand = random(count);
  // Issue 19's draws (analyses, queue codes, calls) from a stream of their own, so the requests
  // themselves (states, departments, dates) are the ones the bench seeded before.
  const rand19 = random(count + 1);
  const byKey = new Map(templates.map((t) => [`${t.partner}/${t.type}/${t.state}/${t.analysed}`, prepare(t)]));
  const find = (partner: boolean, type: RequestType, state: StateName, analysed: boolean) =>
    byKey.get(`${partner}/${type}/${state}/${analysed}`) ?? byKey.get(`${partner}/materials/${state}/${analysed}`) ?? byKey.get(`${partner}/materials/${state}/false`)!;
  const today = localDate(t0, TIME_ZONE);
  const importsFrom = shiftDate(today, -IMPORT_DAYS);

  const sample = templates[0];
  const requestColumns = Object.keys(sample.request);
  const auditColumns = Object.keys(sample.audit[0]).filter((c) => c !== "id");
  const outboxColumns = Object.keys(templates.find((t) => t.outbox.length > 0)!.outbox[0]);
  const commentColumns = Object.keys(templates.find((t) => t.comments.length > 0)!.comments[0]);
  const insertRequest = insert(sqlite, "Request", requestColumns);
  const insertAudit = insert(sqlite, "AuditEntry", auditColumns);
  const insertOutbox = insert(sqlite, "OutboxMessage", outboxColumns);
  const insertComment = insert(sqlite, "Comment", commentColumns);
  const analysed = templates.find((t) => t.analysis !== null);
  const insertAnalysis = analysed ? insert(sqlite, "Analysis", Object.keys(analysed.analysis!)) : null;
  const insertAnalysisDay = analysed ? insert(sqlite, "AnalysisDay", Object.keys(analysed.analysisDays[0])) : null;

  const counters = new Map<number, number>();
  const summary: SeedSummary = { requests: 0, audit: 0, outbox: 0, comments: 0, analyses: 0, analysisDays: 0, queues: 0, actualCalls: 0 };
  // Each clone's chain is signed and its head sealed as appendAudit would, so audit:verify passes.
  const key = currentAuditKeyring().current;

  const one = () => {
    const recent = rand() < OPEN_SHARE;
    const department = pick(rand, departments);
    const type = typeFor(rand, department.partner);
    const state = weighted(rand, recent ? RECENT : OLDER);
    const prepared = find(department.partner, type, state, (state === "approved" || state === "completed") && rand19() < ANALYSED_SHARE);
    const days = recent ? -Math.floor(rand() * 20) : -(60 + Math.floor(rand() * (YEARS * 365 - 60)));
    const year = new Date(t0.getTime() + days * 86_400_000).getUTCFullYear();
    const seq = (counters.get(year) ?? 0) + 1;
    counters.set(year, seq);
    const values: Marks = {
      id: randomUUID(),
      reference: `311-${year}-${String(seq).padStart(4, "0")}`,
      title: `${pick(rand, SUBJECTS[prepared.template.type])} – ${pick(rand, PLACES)}`,
      departmentId: department.id,
      departmentName: department.name,
      submitterId: department.requester.id,
      submitterName: department.requester.name,
      submitterEmail: department.requester.email,
      analysisId: randomUUID(),
    };
    const audit = prepared.audit.map((row) => renderRow(row, values, days, []));
    const first = String(audit[0].at);
    const last = String(audit[audit.length - 1].at);
    let prevHash: string | null = null;
    const signed = audit.map((entry) => {
      const content: AuditInput = {
        requestId: entry.requestId as string,
        actorId: entry.actorId as string | null,
        actorName: entry.actorName as string,
        role: entry.role as string | null,
        acting: Boolean(entry.acting),
        event: entry.event as string,
        fromState: entry.fromState as string | null,
        toState: entry.toState as string | null,
        comment: entry.comment as string | null,
        at: new Date(entry.at as string),
      };
      const row = { ...entry, keyId: key.id, prevHash, hash: entryHash(key, content, prevHash) };
      prevHash = row.hash;
      return row;
    });
    const request = renderRow(prepared.request, values, days, ["snapshot", "details"]);
    const sealed = { id: values.id, state: String(request.state), version: Number(request.version), snapshot: String(request.snapshot) };
    insertRequest.run({
      ...request,
      createdAt: first,
      updatedAt: last,
      auditHead: prevHash,
      auditCount: signed.length,
      auditSeal: requestSeal(key, sealed, prevHash, signed.length),
    });
    // A comment names the entry that records it: the template's entry ids become the clone's.
    const entryIds = new Map<unknown, number>();
    for (const [i, row] of signed.entries()) entryIds.set(prepared.template.audit[i].id, Number(insertAudit.run(row).lastInsertRowid));
    // Old e-mails went out long ago: the outbox holds them as sent, as the dispatcher leaves them.
    for (const row of prepared.outbox) {
      insertOutbox.run({
        ...renderRow(row, values, days, ["recipients", "data"]),
        id: randomUUID(),
        status: "sent",
        attempts: 1,
        claimedBy: null,
        claimedAt: null,
        createdAt: last,
        nextAttemptAt: last,
        sentAt: last,
      });
    }
    for (const [i, row] of prepared.comments.entries()) {
      const auditEntryId = entryIds.get(prepared.template.comments[i].auditEntryId) ?? null;
      insertComment.run({ ...renderRow(row, values, days, []), id: randomUUID(), auditEntryId });
    }
    if (prepared.analysis) {
      insertAnalysis!.run(renderRow(prepared.analysis, values, days, ["inputs", "outputs"]));
      const analysisDays = prepared.analysisDays.map((row) => renderRow(row, values, days, []));
      for (const row of analysisDays) insertAnalysisDay!.run(row);
      summary.analyses++;
      summary.analysisDays += analysisDays.length;
      const effective = request.effectiveDate as string | null;
      const comparable = state === "approved" || state === "completed";
      if (comparable && effective !== null && effective >= importsFrom && effective <= today && rand19() < QUEUE_SHARE) {
        const calls = analysisDays.map((row) => ({ date: String(row.date), calls: Number(row.calls) }));
        actuals.tie(rand19, { id: values.id, reference: values.reference, createdAt: last }, calls, today);
      }
    }
    summary.requests++;
    summary.audit += audit.length;
    summary.outbox += prepared.outbox.length;
    summary.comments += prepared.comments.length;
  };

  for (let done = 0; done < count; done += BATCH) {
    sqlite.transaction(() => {
      for (let i = done; i < Math.min(count, done + BATCH); i++) one();
    })();
  }
  // The portal's own next reference in each year follows the clones'.
  const counter = sqlite.prepare(`INSERT INTO "RequestCounter" (year, last) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last = excluded.last`);
  sqlite.transaction(() => {
    for (const [year, last] of counters) counter.run(year, last);
  })();
  const written = actuals.finish();
  return { ...summary, queues: written.queues, actualCalls: written.rows };
}
