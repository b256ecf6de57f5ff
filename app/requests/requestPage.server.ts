// The request page's loader and action (app/routes/requests.$id.tsx shows what they return). In a
// module of their own so that the route reaches the server through one import: the browser build
// replaces each server module a route imports with an empty chunk of its own (Remix's classic
// compiler keeps the import), and one file more on the first visit costs its headers (~0.4 KB).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { accuracyRoles, actualsRoles } from "~/actuals/actualsRoles";
import { requestComparison } from "~/actuals/requestActuals.server";
import { currentAnalysis } from "~/analysis/analyses.server";
import { calibrationLine } from "~/analysis/calibration";
import { attachmentView } from "~/attachments/attachmentView.server";
import { CommentList, COMMENTS_MARKUP } from "~/components/CommentList";
import { HISTORY_MARKUP, RequestHistory } from "~/components/RequestHistory";
import { holdsAny } from "~/auth/require-role.server";
import { db } from "~/db.server";
import { assessedFeeWorking } from "~/fees/assessment.server";
import { actionErrors, attachCheck, availableActions, copyCheck, eventOf, FINAL_STATES, requestActionSchema, stateName } from "~/forms/schemas.server";
import { staticMarkup } from "~/http/serverMarkup.server";
import { letterKind } from "~/letters/letterAccess.server";
import { seesEverything } from "~/requests/access.server";
import { answersOf } from "~/requests/answers";
import { addComment } from "~/requests/comments.server";
import { copiedFrom } from "~/requests/copiedFrom.server";
import { displayValue, FORM_FIELDS } from "~/requests/formFields";
import { NEXT_STEP, progressSteps } from "~/requests/progress";
import { entryAuthor, quoteOf } from "~/requests/latestComment.server";
import { auditTrail, type AuditLine } from "~/requests/queries.server";
import { requestPageReads } from "~/requests/requestPageReads.server";
import { refusalOf, requestInContext } from "~/requests/requestRoute.server";
import { transition } from "~/requests/transition.server";
import { isStateName, localDate, REQUEST_TYPE_LABELS, STATE_LABELS, type RequestType, type SignOff, type SignOffSlot, type StateName } from "workflows/view";
import { shownInstant } from "~/format";

/** States in which both sign-offs stand: the "Approved by" record stays on the page. */
const SIGNED_STATES: StateName[] = ["approved", "completed", "cancelled"];

/** The sign-offs with their instants as the page shows them. */
function shownSignOffs(signOffs: Record<SignOffSlot, SignOff | null>, timeZone: string) {
  const shown = (s: SignOff | null) => (s ? { name: s.name, acting: s.acting, at: shownInstant(s.at, timeZone) } : null);
  return Object.fromEntries(Object.entries(signOffs).map(([slot, s]) => [slot, shown(s)])) as Record<SignOffSlot, ReturnType<typeof shown>>;
}

/** A long history (hundreds of entries after many rounds of changes) shows its latest entries first; the rest on request. */
const HISTORY_SHOWN = 20;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, actor, row, snapshot, now, timeZone } = await requestInContext(request, params.id);
  const wholeHistory = new URL(request.url).searchParams.get("history") === "all";
  const state = stateName(snapshot);
  const ctx = snapshot.context;
  const { history, comments, files } = await requestPageReads(db, row.id, wholeHistory ? null : HISTORY_SHOWN);
  // The entries the page quotes (how it closed, the reviewer's words) are nearly always among the
  // latest shown; an older one is looked for in the whole history, read only then.
  let whole: Promise<AuditLine[]> | undefined;
  const latestWhere = async (test: (entry: AuditLine) => boolean) =>
    [...history.entries].reverse().find(test) ??
    (history.entries.length < history.total ? [...(await (whole ??= auditTrail(db, row.id)))].reverse().find(test) : undefined);
  const closedFrom = (await latestWhere((a) => a.fromState !== null && a.toState === state))?.fromState;
  const answers = answersOf(row);
  /** The latest entry of an event, as the page quotes it: whose words, when. */
  const latest = async (event: string) => {
    const entry = await latestWhere((a) => a.event === event);
    return entry ? quoteOf(entry, timeZone) : null;
  };
  const storedAnalysis = ctx.analysis ? await currentAnalysis(db, row.id, ctx.analysis.at) : null;
  const closing = FINAL_STATES.includes(state) ? await latestWhere((a) => a.toState === state && a.fromState !== state) : undefined;
  return {
    request: {
      id: row.id,
      reference: row.reference,
      title: row.title,
      type: row.type as RequestType,
      typeLabel: REQUEST_TYPE_LABELS[row.type as RequestType] ?? row.type,
      state,
      stateLabel: STATE_LABELS[state],
      department: row.department.name,
      submitter: row.submitter.name,
      firstSubmittedOn: row.firstSubmittedOn,
      partnerAtSubmission: row.partnerAtSubmission,
      // The same labels and wording as the form and the check-your-answers page.
      answers: FORM_FIELDS[row.type as RequestType]
        .map((spec) => ({ label: spec.label, value: displayValue(spec, answers[spec.name]), date: spec.kind === "date" ? (answers[spec.name] ?? null) : null }))
        .filter((a) => a.value),
    },
    progress: progressSteps(state, ctx.analysis !== null, closedFrom && isStateName(closedFrom) ? closedFrom : null),
    nextStep: NEXT_STEP[state],
    // The reviewer's words, at the top while the department makes the changes.
    changeRequest: state === "changesRequested" ? await latest("REQUEST_CHANGES") : null,
    // Why Finance is looking at the fee again.
    dispute: state === "feeAssessment" && ctx.fee?.status === "disputed" ? await latest("DISPUTE_FEE") : null,
    // How a closed request ended; the clock (lapse, completion) is no one to name.
    ending: closing
      ? { label: STATE_LABELS[state], who: closing.role === "system" ? null : entryAuthor(closing), at: shownInstant(closing.at, timeZone), comment: closing.comment }
      : null,
    copiedFrom: await copiedFrom(db, user, row.copiedFromId),
    actions: availableActions(snapshot, actor, now.toISOString()),
    canCopy: copyCheck(state, ctx, actor) === null,
    // The department reads the analysis in plain words first; COM, the analysts and Finance work with the figures.
    forDepartment: !seesEverything(user),
    signOffs: shownSignOffs(ctx.signOffs, timeZone),
    inDecision: state === "decision",
    approved: SIGNED_STATES.includes(state),
    analysis: ctx.analysis,
    // What was decided about calibration, in words: not the other requests the suggestion rested on (R1).
    storedAnalysis: storedAnalysis
      ? { ...storedAnalysis, calibration: calibrationLine(storedAnalysis.calibration), recordedOn: localDate(storedAnalysis.recordedAt, timeZone) }
      : null,
    // Issue 19: the analysts and COM see the forecast against the calls that came.
    actualCalls: holdsAny(user, accuracyRoles)
      ? await requestComparison(db, { requestId: row.id, state, effectiveDate: row.effectiveDate, today: localDate(now, timeZone), analysis: storedAnalysis })
      : null,
    mayMapQueues: holdsAny(user, actualsRoles),
    fee: ctx.fee,
    feeWorking: ctx.fee ? await assessedFeeWorking(db, row.type, ctx) : null,
    historyLength: history.total,
    historyShown: history.entries.length,
    // The same entries and comments make the same markup: made once, and sent once (decision 0038).
    history: staticMarkup(context, HISTORY_MARKUP, RequestHistory, {
      total: history.total,
      entries: history.entries.map((a) => ({
        id: a.id,
        at: shownInstant(a.at, timeZone),
        who: entryAuthor(a),
        event: a.event,
        from: a.fromState ? STATE_LABELS[a.fromState as keyof typeof STATE_LABELS] ?? a.fromState : null,
        to: a.toState ? STATE_LABELS[a.toState as keyof typeof STATE_LABELS] ?? a.toState : null,
        comment: a.comment,
      })),
    }),
    commentCount: comments.length,
    comments: staticMarkup(context, COMMENTS_MARKUP, CommentList, {
      comments: comments.map((c) => ({ id: c.id, author: c.author.name, body: c.body, at: shownInstant(c.createdAt, timeZone) })),
    }),
    files: files.map((file) => attachmentView(file, timeZone)),
    mayAttach: attachCheck(state, row, actor) === null,
    // The letter of the decision, for those who may download it (app/letters).
    letter: letterKind(state),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, row, now, timeZone } = await requestInContext(request, params.id);
  const form = Object.fromEntries(await request.formData());
  const parsed = requestActionSchema.safeParse(form);
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
  if (!parsed.success) {
    return data({ intent: String(form.intent ?? ""), errors: actionErrors(parsed.error), values }, { status: 400 });
  }
  const act = parsed.data;
  if (act.intent === "COMMENT") {
    await addComment(db, user, row.id, act.body, now);
    return redirect(`/requests/${row.id}?done=COMMENT#comments`, 303);
  }
  const outcome = await transition(db, { request: row, by: user, event: eventOf(act), now, timeZone });
  if (!outcome.ok) {
    const { reason, status } = refusalOf(outcome);
    return data({ intent: act.intent, errors: { form: reason }, values }, { status });
  }
  return redirect(`/requests/${row.id}?done=${act.intent}`, 303);
}
