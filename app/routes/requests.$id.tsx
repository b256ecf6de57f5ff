// A request's page: where it stands, what happens next, and only the actions the machine allows this person now.
import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ActionForm } from "~/components/ActionForm";
import { AnalysisSummary } from "~/components/AnalysisSummary";
import { AttachmentList } from "~/components/AttachmentList";
import { ChangesAskedFor } from "~/components/ChangesAskedFor";
import { COMMENTS_MARKUP } from "~/components/CommentList";
import { DateText, InstantText } from "~/components/DateText";
import { DisputeReason } from "~/components/DisputeReason";
import { ErrorSummary } from "~/components/ErrorSummary";
import { ForecastAgainstActual } from "~/components/ForecastAgainstActual";
import { HISTORY_MARKUP } from "~/components/RequestHistory";
import { ServerMarkup } from "~/components/ServerMarkup";
import { StatusTracker } from "~/components/StatusTracker";
import { formatUsd, toCents } from "~/fees/money";
import type { RequestIntent } from "~/requests/decisionForms";
import { action, loader } from "~/requests/requestPage.server";
import type { AvailableAction } from "workflows";
import { type Fee, type FeeStatus, type SignOffSlot } from "workflows/view";
import type { ShownInstant } from "~/format";

export { action, loader };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.request.reference}: ${data.request.title} – 3-1-1 Number Use Portal` : "Request" },
];

const DONE_MESSAGES: Partial<Record<RequestIntent | "RECORD_ANALYSIS" | "ASSESS_FEE" | "ATTACH" | "QUEUES", string>> = {
  RECORD_ANALYSIS: "Analysis recorded. Finance has been told.",
  QUEUES: "Queue codes saved.",
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
  ATTACH: "Files attached.",
};

function has(actions: AvailableAction[], type: AvailableAction["type"]) {
  return actions.some((a) => a.type === type);
}

const SLOT_LABELS = { director: "Director", assistantDirector: "Assistant Director" } as const;

/** "Dana Director" or "Jane Roe (acting Director)" (R3), with the day and time they signed. */
function SignedBy({ signOff, slot }: { signOff: { name: string; acting: boolean; at: ShownInstant }; slot: SignOffSlot }) {
  return (
    <>
      {signOff.name}
      {signOff.acting ? ` (acting ${SLOT_LABELS[slot]})` : ""}, <InstantText at={signOff.at} />
    </>
  );
}

/** The comment forms: what each asks for, and its button. */
const COMMENT_ACTIONS = [
  ["REQUEST_CHANGES", "What needs to change", "Request changes"],
  ["REJECT", "Reason for the rejection", "Reject the request"],
  ["WITHDRAW", "Reason (optional)", "Withdraw the request"],
  ["CANCEL", "Reason (optional)", "Cancel the request"],
] as const;
const FEE_ANSWERS = [
  ["DISPUTE_FEE", "Why you dispute the fee", "Dispute the fee"],
  ["DECLINE_FEE", "Comment (optional)", "Decline the fee and withdraw"],
] as const;
const DESTRUCTIVE: string[] = ["REJECT", "WITHDRAW", "CANCEL", "DECLINE_FEE"];

export default function RequestPage() {
  const {
    request,
    progress,
    nextStep,
    changeRequest,
    dispute,
    ending,
    copiedFrom,
    actions,
    canCopy,
    forDepartment,
    signOffs,
    inDecision,
    approved,
    storedAnalysis,
    actualCalls,
    mayMapQueues,
    fee,
    feeWorking,
    history,
    historyShown,
    historyLength,
    comments,
    commentCount,
    files,
    mayAttach,
    letter,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done") as keyof typeof DONE_MESSAGES | null;
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const sentFor = (intent: string) =>
    actionData?.intent === intent ? { values: actionData.values, errors } : { values: {}, errors: {} };
  const usd = (amount: number) => formatUsd(toCents(amount));
  // The actions that are one button (or link), side by side; those that need words follow.
  const links = [
    has(actions, "EDIT") ? (
      <Link key="edit" className="usa-button" to={`/requests/${request.id}/edit`}>
        {request.state === "changesRequested" ? "Make the changes and resubmit" : "Edit the request"}
      </Link>
    ) : null,
    has(actions, "SUBMIT") ? (
      <Link key="submit" className="usa-button" to={`/requests/${request.id}/check`}>
        Check your answers and submit
      </Link>
    ) : null,
    has(actions, "RECORD_ANALYSIS") ? (
      <Link key="analysis" className="usa-button" to={`/requests/${request.id}/analysis`}>
        Record the call volume analysis
      </Link>
    ) : null,
    has(actions, "ASSESS_FEE") ? (
      <Link key="fee" className="usa-button" to={`/requests/${request.id}/fee`}>
        {dispute ? "Reassess the disputed fee" : "Assess the fee"}
      </Link>
    ) : null,
    ...(["ORDER_ANALYSIS", "NO_ANALYSIS"] as const)
      .filter((intent) => has(actions, intent))
      .map((intent) => (
        <Form method="post" key={intent}>
          <input type="hidden" name="intent" value={intent} />
          <button type="submit" className={`usa-button${intent === "NO_ANALYSIS" ? " usa-button--outline" : ""}`}>
            {intent === "ORDER_ANALYSIS" ? "Order a call volume analysis" : "No analysis needed: go to the decision"}
          </button>
        </Form>
      )),
    ...actions
      .filter((a) => a.type === "APPROVE")
      .map((a) => (
        <Form method="post" key={a.slot}>
          <input type="hidden" name="intent" value="APPROVE" />
          <input type="hidden" name="slot" value={a.slot} />
          <button type="submit" className="usa-button">
            Approve as {a.slot === "director" ? "Director" : "Assistant Director"}
          </button>
        </Form>
      )),
    canCopy ? (
      <Form key="copy" method="post" action={`/requests/${request.id}/copy`}>
        <button type="submit" className="usa-button usa-button--outline">
          Copy into a new draft
        </button>
      </Form>
    ) : null,
  ].filter((link) => link !== null);
  const commentForm = ([intent, label, button]: readonly [RequestIntent, string, string]) => (
    <details key={intent} className="margin-top-2" open={actionData?.intent === intent}>
      <summary>{button}</summary>
      <ActionForm intent={intent} field={{ name: "comment", label, multiline: true }} sent={sentFor(intent)}>
        <button type="submit" className={`usa-button${DESTRUCTIVE.includes(intent) ? " usa-button--secondary" : ""}`}>
          {button}
        </button>
      </ActionForm>
    </details>
  );

  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/requests">All requests</Link>
      </p>
      <h1 className="margin-top-1">
        <span className="text-base-dark font-body-md display-block">{request.reference}</span>
        {request.title || "(no title yet)"}
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

      {changeRequest ? <ChangesAskedFor changeRequest={changeRequest} /> : null}
      {copiedFrom ? (
        <p data-testid="copied-from">
          Copied from <Link to={`/requests/${copiedFrom.id}`}>{copiedFrom.reference}</Link>
          {copiedFrom.title ? ` (${copiedFrom.title})` : ""}.
        </p>
      ) : null}

      <StatusTracker progress={progress} />
      {ending ? (
        <p data-testid="ending">
          {ending.label} {ending.who ? `by ${ending.who},` : "on"} <InstantText at={ending.at} />
          {ending.comment ? `: “${ending.comment}”` : "."}
        </p>
      ) : null}
      <section aria-labelledby="next-heading" className="margin-y-3">
        <h2 id="next-heading">What happens next</h2>
        <p data-testid="next-step">{nextStep}</p>
      </section>

      <section aria-labelledby="actions-heading" className="margin-y-3">
        <h2 id="actions-heading">What you can do</h2>
        {actions.length === 0 && !canCopy ? <p>There is nothing for you to do on this request now.</p> : null}
        {dispute ? <DisputeReason dispute={dispute} headingLevel={3} /> : null}
        {links.length > 0 ? <div className="portal-actions">{links}</div> : null}

        {has(actions, "ACCEPT_FEE") && fee ? (
          <div className="margin-top-2" data-testid="fee-decision">
            <h3 className="margin-bottom-1">The fee: {usd(fee.amount)}</h3>
            <FeeFacts fee={fee} working={feeWorking} />
            <ActionForm
              intent="ACCEPT_FEE"
              field={{
                name: "accountCode",
                label: "Account code to charge",
                hint: `The ${usd(fee.amount)} is charged by interdepartmental transfer to this account.`,
                multiline: false,
              }}
              sent={sentFor("ACCEPT_FEE")}
            >
              <button type="submit" className="usa-button">
                Accept the {usd(fee.amount)} fee
              </button>
            </ActionForm>
            {FEE_ANSWERS.filter(([intent]) => has(actions, intent)).map(commentForm)}
          </div>
        ) : null}

        {COMMENT_ACTIONS.filter(([intent]) => has(actions, intent)).map(commentForm)}
      </section>

      {inDecision ? (
        <section aria-labelledby="signoffs-heading" className="margin-y-3">
          <h2 id="signoffs-heading">Sign-offs</h2>
          <ul className="usa-list">
            {(["director", "assistantDirector"] as const).map((slot) => {
              const s = signOffs[slot];
              return (
                <li key={slot}>
                  {SLOT_LABELS[slot]}: {s ? <>signed by <SignedBy signOff={s} slot={slot} /></> : "awaited"}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {approved && signOffs.director && signOffs.assistantDirector ? (
        <section aria-labelledby="approved-heading" className="margin-y-3" data-testid="approved-by">
          <h2 id="approved-heading">Approved by</h2>
          <dl className="portal-summary">
            {(["director", "assistantDirector"] as const).map((slot) => {
              const s = signOffs[slot];
              return s ? (
                <div key={slot} className="portal-summary__row">
                  <dt>{SLOT_LABELS[slot]}</dt>
                  <dd>
                    <SignedBy signOff={s} slot={slot} />
                  </dd>
                </div>
              ) : null;
            })}
          </dl>
        </section>
      ) : null}

      {storedAnalysis || fee ? (
        <section aria-labelledby="impact-heading" className="margin-y-3">
          <h2 id="impact-heading">Call volume and fee</h2>
          {storedAnalysis ? (
            <AnalysisSummary
              projection={storedAnalysis.outputs}
              recommendation={storedAnalysis.recommendation}
              recorded={{ by: storedAnalysis.recordedBy, on: storedAnalysis.recordedOn }}
              calibration={storedAnalysis.calibration}
              forDepartment={forDepartment}
            />
          ) : null}
          {fee ? (
            <>
              <h3>Fee</h3>
              <p data-testid="fee">
                {usd(fee.amount)}: {FEE_STATUS[fee.status]}
                {fee.status === "accepted" && fee.accountCode ? `, charged to account ${fee.accountCode}` : ""}.
              </p>
              <FeeFacts fee={fee} working={feeWorking} />
            </>
          ) : null}
        </section>
      ) : null}

      {actualCalls && storedAnalysis ? (
        <ForecastAgainstActual
          requestId={request.id}
          queues={actualCalls.queues}
          comparison={actualCalls.comparison}
          staffing={actualCalls.staffing}
          daily={storedAnalysis.outputs.daily}
          series={actualCalls.series}
          chartSvg={actualCalls.chartSvg}
          mayMapQueues={mayMapQueues}
        />
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
                <DateText date={request.firstSubmittedOn} /> ({request.partnerAtSubmission ? "a 3-1-1 partner department then" : "not a 3-1-1 partner then"})
              </dd>
            </>
          ) : null}
          {request.answers.map((a) => (
            <div key={a.label} className="portal-summary__row">
              <dt>{a.label}</dt>
              <dd>{a.date ? <DateText date={a.date} /> : a.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {letter ? (
        <section aria-labelledby="letter-heading" className="margin-y-3">
          <h2 id="letter-heading">{letter === "approval" ? "Approval letter" : "Rejection letter"}</h2>
          <p>
            <a href={`/requests/${request.id}/letter`} download data-testid="letter-link">
              Download the {letter} letter (PDF)
            </a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="files" className="margin-y-3">
        <h2 id="files">Files</h2>
        <AttachmentList requestId={request.id} files={files} />
        <p>
          <Link to={`/requests/${request.id}/attachments`}>{mayAttach ? "Attach or take off files" : "See the files"}</Link>
        </p>
      </section>

      <section aria-labelledby="comments" className="margin-y-3">
        <h2 id="comments">Comments</h2>
        {commentCount === 0 ? <p>No comments yet. Decisions and their reasons are in the history below.</p> : null}
        <ServerMarkup name={COMMENTS_MARKUP} html={comments} />
        <ActionForm intent="COMMENT" field={{ name: "body", label: "Add a comment", multiline: true }} sent={sentFor("COMMENT")}>
          <button type="submit" className="usa-button usa-button--outline">
            Add comment
          </button>
        </ActionForm>
      </section>

      <section aria-labelledby="audit-heading" className="margin-y-3">
        <h2 id="audit-heading">History</h2>
        {historyShown < historyLength ? (
          <p>
            The latest {historyShown} of {historyLength} entries.{" "}
            <Link to="?history=all#audit-heading">Show the whole history</Link>
          </p>
        ) : null}
        <ServerMarkup name={HISTORY_MARKUP} html={history} />
      </section>
    </>
  );
}

const FEE_STATUS: Record<FeeStatus, string> = {
  assessed: "set by Finance, awaiting the department's answer",
  accepted: "accepted by the department",
  disputed: "disputed by the department; Finance is looking at it again",
  declined: "declined by the department",
};

/** How a fee was worked out and why Finance set it, where it is decided and where it is shown. */
function FeeFacts({ fee, working }: { fee: Fee; working: string | null }) {
  return (
    <dl className="portal-summary margin-bottom-2">
      <dt>How it was worked out</dt>
      <dd data-testid="fee-working">
        {working ? `${working}, suggested by the fee schedule${fee.scheduleVersion ? ` (version ${fee.scheduleVersion})` : ""}` : `Suggested: ${formatUsd(toCents(fee.suggested))}`}
        {fee.amount !== fee.suggested ? `. Finance set ${formatUsd(toCents(fee.amount))} instead.` : "."}
      </dd>
      {fee.reason ? (
        <>
          <dt>Finance&apos;s reason</dt>
          <dd data-testid="fee-reason">{fee.reason}</dd>
        </>
      ) : null}
    </dl>
  );
}
