// Setup only: brings a request to a given state on the e2e database through the real
// transition service (the same machine and rules as the portal), for steps that other
// roles' pages perform. What a test checks is always done through the browser.
import { analysisFormSchema } from "../../app/analysis/analysisForm";
import { recordAnalysis } from "../../app/analysis/recordAnalysis.server";
import { createDraft } from "../../app/requests/drafts.server";
import { findRequest } from "../../app/requests/queries.server";
import { transition, type EventPayload } from "../../app/requests/transition.server";
import { addCalendarDays, localDate } from "workflows";
import { personAt } from "../support/people";
import { analysisFields, materialsColumns } from "../support/requests";
import { e2eDb } from "./database";

export const TZ = "America/New_York";

/** Today in the county, as the portal's server counts it (R7), plus some days. */
export function inDays(days: number): string {
  return addCalendarDays(localDate(new Date(), TZ), days);
}

export { closeE2eDb as closeSeedDb } from "./database";

type Step = [email: string, event: EventPayload];

const DIRECTOR = "director@example.gov";
const STEPS = {
  submit: (by: string): Step => [by, { type: "SUBMIT" }],
  orderAnalysis: (): Step => [DIRECTOR, { type: "ORDER_ANALYSIS" }],
  // Recorded as the analyst's page does (the stored figures and chart too): 800 calls.
  recordAnalysis: (): Step => ["analyst@example.gov", { type: "RECORD_ANALYSIS", projectedCalls: 800 }],
  // 800 calls at the seeded schedule (version 1, $4.33 a call, no set-up for materials) suggest $3,464.00.
  assessFee: (): Step => [
    "finance@example.gov",
    { type: "ASSESS_FEE", amount: 250, suggested: 3464, scheduleVersion: 1, comment: "Partner rate agreed with COM." },
  ],
};

export type SeedState =
  | "draft"
  | "screening"
  | "analysis"
  | "changesRequested"
  | "feeAcceptance"
  | "feeDisputed"
  | "approved"
  | "approvedWithFee"
  | "rejected"
  | "withdrawn"
  | "withdrawnInAnalysis";

const ASSISTANT = "assistant.director@example.gov";

function route(state: SeedState, by: string): Step[] {
  const submit = STEPS.submit(by);
  switch (state) {
    case "draft":
      return [];
    case "screening":
      return [submit];
    case "analysis":
      return [submit, STEPS.orderAnalysis()];
    case "changesRequested":
      return [submit, [DIRECTOR, { type: "REQUEST_CHANGES", comment: "Say which neighbourhoods get the mailer." }]];
    case "feeAcceptance":
      return [submit, STEPS.orderAnalysis(), STEPS.recordAnalysis(), STEPS.assessFee()];
    case "feeDisputed":
      return [...route("feeAcceptance", by), [by, { type: "DISPUTE_FEE", comment: "We expected the partner rate of $150." }]];
    case "approvedWithFee":
      return [
        ...route("feeAcceptance", by),
        [by, { type: "ACCEPT_FEE", accountCode: "100-2000" }],
        [DIRECTOR, { type: "APPROVE", slot: "director" }],
        [ASSISTANT, { type: "APPROVE", slot: "assistantDirector" }],
      ];
    case "approved":
      return [
        submit,
        [DIRECTOR, { type: "NO_ANALYSIS" }],
        [DIRECTOR, { type: "APPROVE", slot: "director" }],
        [ASSISTANT, { type: "APPROVE", slot: "assistantDirector" }],
      ];
    case "rejected":
      return [submit, [DIRECTOR, { type: "REJECT", comment: "Not a 3-1-1 matter." }]];
    case "withdrawn":
      return [submit, [by, { type: "WITHDRAW" }]];
    case "withdrawnInAnalysis":
      return [submit, STEPS.orderAnalysis(), [by, { type: "WITHDRAW", comment: "The mailing was cancelled." }]];
  }
}

export interface SeedOptions {
  title: string;
  state: SeedState;
  /** The requester who writes it; the partner requester by default. */
  by?: string;
  effectiveDate?: string;
}

/** A complete materials request by `by`, brought to `state`. Returns its id and reference. */
export async function seedRequest(options: SeedOptions): Promise<{ id: string; reference: string }> {
  const db = await e2eDb();
  const now = new Date();
  const by = options.by ?? "requester.partner@example.gov";
  const effectiveDate = options.effectiveDate ?? inDays(30);
  const requester = await personAt(db, by, now, TZ);
  const created = await createDraft(db, {
    user: requester,
    now,
    timeZone: TZ,
    columns: materialsColumns(effectiveDate, options.title),
  });
  for (const [email, event] of route(options.state, by)) {
    const person = await personAt(db, email, now, TZ);
    const outcome =
      event.type === "RECORD_ANALYSIS"
        ? await recordAnalysis(db, {
            by: person,
            request: (await findRequest(db, created.id))!,
            form: analysisFormSchema.parse({ type: "materials", ...analysisFields(effectiveDate) }), offer: null,
            now,
            timeZone: TZ,
          })
        : await transition(db, { request: created.id, by: person, event, now, timeZone: TZ });
    if (!outcome.ok) throw new Error(`Seeding ${options.state}: ${event.type} refused: ${outcome.reason}`);
  }
  return created;
}

/** The request's state as stored, to prove a refused action changed nothing. */
export async function storedState(id: string): Promise<{ state: string; version: number; title: string }> {
  const db = await e2eDb();
  return db.request.findUniqueOrThrow({ where: { id }, select: { state: true, version: true, title: true } });
}
