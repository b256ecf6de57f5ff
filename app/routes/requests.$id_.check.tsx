// Check your answers (GOV.UK pattern), then submit (issue 4). SUBMIT goes to the machine; a
// refusal (R8: too little notice, R6, an incomplete request) is shown at the top with its
// rule and the earliest date, and nothing the requester typed is changed.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DateText } from "~/components/DateText";
import { ErrorAlert } from "~/components/ErrorSummary";
import { NoticePanel } from "~/components/NoticePanel";
import { db } from "~/db.server";
import { answersOf, isRequestType } from "~/requests/answers";
import { displayValue, FORM_FIELDS } from "~/requests/formFields";
import { refusalOf, requestInContext } from "~/requests/requestRoute.server";
import { transition } from "~/requests/transition.server";
import { availableActions } from "~/forms/schemas.server";
import { REQUEST_TYPE_LABELS, requestNotice } from "workflows/view";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Check your answers: ${data.request.reference} – 3-1-1 Number Use Portal` : "Check your answers" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, row, snapshot, now, timeZone } = await requestInContext(request, params.id);
  const actions = availableActions(snapshot, actor, now.toISOString());
  // Only a draft this person may submit has answers to check; otherwise the request page says where it stands.
  if (!actions.some((a) => a.type === "SUBMIT")) throw redirect(`/requests/${row.id}`);
  const type = isRequestType(row.type) ? row.type : "materials";
  const answers = answersOf(row) as Record<string, string | undefined>;
  return {
    request: { id: row.id, reference: row.reference, typeLabel: REQUEST_TYPE_LABELS[type], department: row.department.name },
    rows: FORM_FIELDS[type].map((spec) => ({
      name: spec.name,
      label: spec.label,
      value: displayValue(spec, answers[spec.name]),
      date: spec.kind === "date" && answers[spec.name] ? answers[spec.name] : null,
    })),
    notice: requestNotice(row, now, timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, row, now, timeZone } = await requestInContext(request, params.id);
  const outcome = await transition(db, { request: row, by: user, event: { type: "SUBMIT" }, now, timeZone });
  if (!outcome.ok) {
    const { reason, status } = refusalOf(outcome);
    return data({ reason }, { status });
  }
  return redirect(`/requests/${row.id}/confirmation`, 303);
}

export default function CheckAnswers() {
  const { request, rows, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const edit = `/requests/${request.id}/edit`;

  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/requests/${request.id}`}>Back to the request</Link>
      </p>
      <h1 className="margin-top-1">
        <span className="text-base-dark font-body-md display-block">{request.reference}</span>
        Check your answers before submitting
      </h1>
      {actionData ? <Refusal reason={actionData.reason} changeDate={`${edit}#effectiveDate`} /> : null}
      <NoticePanel notice={{ ...notice, departmentName: request.department }} />

      <dl className="portal-check" data-testid="answers">
        <div className="portal-check__row">
          <dt>Type of request</dt>
          <dd>{request.typeLabel}</dd>
          <dd />
        </div>
        {rows.map((r) => (
          <div className="portal-check__row" key={r.name}>
            <dt>{r.label}</dt>
            <dd>{r.date ? <DateText date={r.date} /> : r.value || <span className="text-base-dark">Not given</span>}</dd>
            <dd>
              <Link to={`${edit}#${r.name}`}>
                Change<span className="usa-sr-only"> {r.label.toLowerCase()}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>

      <h2>Now submit your request</h2>
      <p>
        When you submit, the request goes to the COM Director and Assistant Director by e-mail. You can still withdraw
        it until it is approved.
      </p>
      <Form method="post">
        <button type="submit" className="usa-button" disabled={busy}>
          Submit request
        </button>
      </Form>
    </>
  );
}

/** The machine's reason for refusing, focused so screen readers announce it at once. */
function Refusal({ reason, changeDate }: { reason: string; changeDate: string }) {
  return (
    <ErrorAlert heading="The request was not submitted" headingId="refusal-heading" focusKey={reason}>
      <p className="usa-alert__text">{reason}</p>
      <p className="usa-alert__text">
        Your answers are saved as they were. <Link to={changeDate}>Change the effective date</Link> or another answer,
        then submit again.
      </p>
    </ErrorAlert>
  );
}
