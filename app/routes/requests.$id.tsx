// A request's page: where it stands, what happens next, and only the actions the machine allows this person now.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { currentAnalysis } from "~/analysis/analyses.server";
import { formatInstant } from "~/format";
import { AnalysisSummary } from "~/components/AnalysisSummary";
import { ErrorSummary } from "~/components/ErrorSummary";
import { ActionForm } from "~/components/ActionForm";
import { StatusTracker } from "~/components/StatusTracker";
import { db } from "~/db.server";
import { answersOf } from "~/requests/answers";
import { addComment } from "~/requests/comments.server";
import { actionErrors, eventOf, requestActionSchema, type RequestIntent } from "~/requests/decisionForms";
import { NEXT_STEP, progressSteps } from "~/requests/progress";
import { auditTrail, commentsOn } from "~/requests/queries.server";
import { refusalOf, requestInContext } from "~/requests/requestRoute.server";
import { displayValue, FORM_FIELDS } from "~/requests/formFields";
import { transition } from "~/requests/transition.server";
import { actorLabel, availableActions, copyCheck, isStateName, REQUEST_TYPE_LABELS, STATE_LABELS, stateName, type ActorRole, type AvailableAction, type RequestType } from "workflows";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.request.reference}: ${data.request.title} – 3-1-1 Number Use Portal` : "Request" },
];

/** A long history (hundreds of entries after many rounds of changes) shows its latest entries first; the rest on request. */
const HISTORY_SHOWN = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, row, snapshot, now, timeZone } = await requestInContext(request, params.id);
  const wholeHistory = new URL(request.url).searchParams.get("history") === "all";
  const state = stateName(snapshot);
  const ctx = snapshot.context;
  const [audit, comments] = await Promise.all([auditTrail(db, row.id), commentsOn(db, row.id)]);
  const closedFrom = [...audit].reverse().find((a) => a.fromState && a.toState === state)?.fromState;
  const answers = answersOf(row);
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
        .map((spec) => ({ label: spec.label, value: displayValue(spec, answers[spec.name]) }))
        .filter((a) => a.value),
    },
    steps: progressSteps(state, ctx.analysis !== null, closedFrom && isStateName(closedFrom) ? closedFrom : null),
    nextStep: NEXT_STEP[state],
    actions: availableActions(snapshot, actor, now.toISOString()),
    canCopy: copyCheck(state, ctx, actor) === null,
    signOffs: ctx.signOffs,
    inDecision: state === "decision",
    analysis: ctx.analysis,
    storedAnalysis: ctx.analysis ? await currentAnalysis(db, row.id, ctx.analysis.at) : null,
    fee: ctx.fee,
    historyLength: audit.length,
    audit: (wholeHistory ? audit : audit.slice(-HISTORY_SHOWN)).map((a) => ({
      id: a.id,
      at: a.at.toISOString(),
      who: actorLabel(a.actorName, a.role ? { role: a.role as ActorRole, acting: a.acting } : null),
      event: a.event,
      from: a.fromState ? STATE_LABELS[a.fromState as keyof typeof STATE_LABELS] ?? a.fromState : null,
      to: a.toState ? STATE_LABELS[a.toState as keyof typeof STATE_LABELS] ?? a.toState : null,
      comment: a.comment,
    })),
    comments: comments.map((c) => ({ id: c.id, author: c.author.name, body: c.body, at: c.createdAt.toISOString() })),
    timeZone,
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

const DONE_MESSAGES: Partial<Record<RequestIntent | "RECORD_ANALYSIS" | "ASSESS_FEE", string>> = {
  RECORD_ANALYSIS: "Analysis recorded. Finance has been told.",
  ASSESS_FEE: "Fee set.",
  SUBMIT: "Request submitted. COM has been told by e-mail.",
  RESUBMIT: "Request resubmitted.",
  WITHDRAW: "Request withdrawn.",
  CANCEL: "Request cancelled.",
  ORDER_ANALYSIS: "Call volume analysis ordered.",
  NO_ANALYSIS: "Sent to the decision without an analysis.",
  REQUEST_CHANGES: "Changes requested. The department has been told.",
  REJECT: "Request rejected.",
  APPROVE: "Your sign-off is recorded.",
  ACCEPT_FEE: "Fee accepted.",
  DISPUTE_FEE: "Fee disputed. Finance will look at it again.",
  DECLINE_FEE: "Fee declined. The request is withdrawn.",
  COMMENT: "Comment added.",
};

function has(actions: AvailableAction[], type: AvailableAction["type"]) {
  return actions.some((a) => a.type === type);
}

export default function RequestPage() {
  const { request, steps, nextStep, actions, canCopy, signOffs, inDecision, analysis, storedAnalysis, fee, audit, historyLength, comments, timeZone } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done") as keyof typeof DONE_MESSAGES | null;
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const sentFor = (intent: string) =>
    actionData?.intent === intent ? { values: actionData.values, errors } : { values: {}, errors: {} };

  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/requests">All requests</Link>
      </p>
      <h1 className="margin-top-1">
        <span className="text-base-dark font-body-md display-block">{request.reference}</span>
        {request.title}
      </h1>
      <p>
        <span className="usa-tag" data-testid="state">
          {request.stateLabel}
        </span>{" "}
        {request.typeLabel} · {request.department}
      </p>

      {done && DONE_MESSAGES[done] ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{DONE_MESSAGES[done]}</p>
          </div>
        </div>
      ) : null}
      {/* A refusal by the machine; a field's own error shows in its form's summary. */}
      <ErrorSummary errors={errors.form ? [["actions-heading", errors.form]] : []} />

      <StatusTracker steps={steps} />
      <section aria-labelledby="next-heading" className="margin-y-3">
        <h2 id="next-heading">What happens next</h2>
        <p data-testid="next-step">{nextStep}</p>
      </section>

      <section aria-labelledby="actions-heading" className="margin-y-3">
        <h2 id="actions-heading">What you can do</h2>
        {actions.length === 0 && !canCopy ? <p>There is nothing for you to do on this request now.</p> : null}
        <div className="portal-actions" hidden={!(has(actions, "EDIT") || has(actions, "SUBMIT") || has(actions, "RECORD_ANALYSIS") || has(actions, "ASSESS_FEE") || canCopy)}>
          {has(actions, "EDIT") ? (
            <Link className="usa-button" to={`/requests/${request.id}/edit`}>
              {request.state === "changesRequested" ? "Edit and resubmit" : "Edit the request"}
            </Link>
          ) : null}
          {has(actions, "SUBMIT") ? (
            <Link className="usa-button" to={`/requests/${request.id}/check`}>
              Check your answers and submit
            </Link>
          ) : null}
          {has(actions, "RECORD_ANALYSIS") ? (
            <Link className="usa-button" to={`/requests/${request.id}/analysis`}>
              Record the call volume analysis
            </Link>
          ) : null}
          {has(actions, "ASSESS_FEE") ? (
            <Link className="usa-button" to={`/requests/${request.id}/fee`}>
              Assess the fee
            </Link>
          ) : null}
          {canCopy ? (
            <Form method="post" action={`/requests/${request.id}/copy`}>
              <button type="submit" className="usa-button usa-button--outline">
                Copy into a new draft
              </button>
            </Form>
          ) : null}
        </div>

        {(["ORDER_ANALYSIS", "NO_ANALYSIS"] as const)
          .filter((intent) => has(actions, intent))
          .map((intent) => (
            <Form method="post" key={intent} className="usa-form usa-form--large margin-top-2">
              <input type="hidden" name="intent" value={intent} />
              <button type="submit" className="usa-button">
                {intent === "ORDER_ANALYSIS" ? "Order a call volume analysis" : "No analysis needed: go to the decision"}
              </button>
            </Form>
          ))}

        {actions
          .filter((a) => a.type === "APPROVE")
          .map((a) => (
            <Form method="post" key={a.slot} className="usa-form usa-form--large margin-top-2">
              <input type="hidden" name="intent" value="APPROVE" />
              <input type="hidden" name="slot" value={a.slot} />
              <button type="submit" className="usa-button">
                Approve as {a.slot === "director" ? "Director" : "Assistant Director"}
              </button>
            </Form>
          ))}

        {has(actions, "ACCEPT_FEE") ? (
          <div className="margin-top-2">
            <ActionForm
              intent="ACCEPT_FEE"
              field={{
                name: "accountCode",
                label: "Account code to charge",
                hint: "The fee is charged by interdepartmental transfer to this account.",
                multiline: false,
              }}
              sent={sentFor("ACCEPT_FEE")}
            >
              <button type="submit" className="usa-button">
                Accept the fee
              </button>
            </ActionForm>
          </div>
        ) : null}

        {(
          [
            ["REQUEST_CHANGES", "What needs to change", "Request changes"],
            ["REJECT", "Reason for the rejection", "Reject the request"],
            ["DISPUTE_FEE", "Why you dispute the fee", "Dispute the fee"],
            ["DECLINE_FEE", "Comment (optional)", "Decline the fee and withdraw"],
            ["WITHDRAW", "Reason (optional)", "Withdraw the request"],
            ["CANCEL", "Reason (optional)", "Cancel the request"],
          ] as const
        )
          .filter(([intent]) => has(actions, intent))
          .map(([intent, label, button]) => (
            <details key={intent} className="margin-top-2" open={actionData?.intent === intent}>
              <summary>{button}</summary>
              <ActionForm intent={intent} field={{ name: "comment", label, multiline: true }} sent={sentFor(intent)}>
                <button
                  type="submit"
                  className={`usa-button${intent === "REJECT" || intent === "WITHDRAW" || intent === "CANCEL" || intent === "DECLINE_FEE" ? " usa-button--secondary" : ""}`}
                >
                  {button}
                </button>
              </ActionForm>
            </details>
          ))}
      </section>

      {inDecision ? (
        <section aria-labelledby="signoffs-heading" className="margin-y-3">
          <h2 id="signoffs-heading">Sign-offs</h2>
          <ul className="usa-list">
            {(["director", "assistantDirector"] as const).map((slot) => {
              const s = signOffs[slot];
              const role = slot === "director" ? "Director" : "Assistant Director";
              return (
                <li key={slot}>
                  {role}: {s ? `signed by ${s.name}${s.acting ? ` (acting ${role})` : ""}` : "awaited"}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {analysis || fee ? (
        <section aria-labelledby="impact-heading" className="margin-y-3">
          <h2 id="impact-heading">Call volume and fee</h2>
          <dl className="portal-summary">
            {analysis ? (
              <>
                <dt>Projected calls</dt>
                <dd>{analysis.projectedCalls.toLocaleString("en-US")}</dd>
                {storedAnalysis ? (
                  <dd className="portal-summary__wide">
                    <AnalysisSummary projection={storedAnalysis.outputs} recommendation={storedAnalysis.recommendation} recordedBy={storedAnalysis.recordedBy} />
                  </dd>
                ) : null}
              </>
            ) : null}
            {fee ? (
              <>
                <dt>Fee</dt>
                <dd data-testid="fee">
                  {fee.amount.toLocaleString("en-US", { style: "currency", currency: "USD" })} ({fee.status}); suggested{" "}
                  {fee.suggested.toLocaleString("en-US", { style: "currency", currency: "USD" })}
                  {fee.scheduleVersion ? ` by fee schedule version ${fee.scheduleVersion}` : ""}
                </dd>
                {fee.reason ? (
                  <>
                    <dt>Reason for the fee</dt>
                    <dd>{fee.reason}</dd>
                  </>
                ) : null}
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="details-heading" className="margin-y-3">
        <h2 id="details-heading">The request</h2>
        <dl className="portal-summary">
          <dt>Department</dt>
          <dd>{request.department}</dd>
          <dt>Submitted by</dt>
          <dd>{request.submitter}</dd>
          {request.firstSubmittedOn ? (
            <>
              <dt>First submitted</dt>
              <dd>
                {request.firstSubmittedOn} ({request.partnerAtSubmission ? "311 partner department" : "not a 311 partner"})
              </dd>
            </>
          ) : null}
          {request.answers.map((a) => (
            <div key={a.label} className="portal-summary__row">
              <dt>{a.label}</dt>
              <dd>{a.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="comments" className="margin-y-3">
        <h2 id="comments">Comments</h2>
        {comments.length === 0 ? <p>No comments yet.</p> : null}
        <ul className="usa-list usa-list--unstyled">
          {comments.map((c) => (
            <li key={c.id} className="margin-bottom-2">
              <strong>{c.author}</strong>, <time dateTime={c.at}>{formatInstant(c.at, timeZone)}</time>
              <p className="margin-top-05">{c.body}</p>
            </li>
          ))}
        </ul>
        <ActionForm intent="COMMENT" field={{ name: "body", label: "Add a comment", multiline: true }} sent={sentFor("COMMENT")}>
          <button type="submit" className="usa-button usa-button--outline">
            Add comment
          </button>
        </ActionForm>
      </section>

      <section aria-labelledby="audit-heading" className="margin-y-3">
        <h2 id="audit-heading">History</h2>
        {audit.length < historyLength ? (
          <p>
            The latest {audit.length} of {historyLength} entries.{" "}
            <Link to="?history=all#audit-heading">Show the whole history</Link>
          </p>
        ) : null}
        <table className="usa-table usa-table--borderless usa-table--stacked">
          <caption className="usa-sr-only">
            {audit.length < historyLength ? "The latest things" : "Everything"} that happened to this request, oldest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((a) => (
              <tr key={a.id}>
                <td data-label="When">
                  <time dateTime={a.at}>{formatInstant(a.at, timeZone)}</time>
                </td>
                <td data-label="Who">{a.who}</td>
                <td data-label="What">{describe(a)}</td>
                <td data-label="Comment">{a.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** The id the error summary links to: each action's comment box has its own id; a refusal points at the actions. */
function describe(a: { event: string; from: string | null; to: string | null }) {
  if (a.event === "CREATE") return "Started the draft";
  if (a.event === "COPY") return "Started the draft as a copy";
  if (a.event === "EDIT") return "Edited the request";
  if (a.event === "APPROVE") return a.to === "Approved" ? "Signed off: approved" : "Signed off";
  return a.from === a.to ? a.event : `${a.from} → ${a.to}`;
}

