// Fee assessment (SPEC §6), for Finance: the suggested fee with its working and the schedule
// version, the fee Finance sets, and a reason when it differs from the suggestion or is
// waived (R13). The machine decides whether the fee stands (ASSESS_FEE); its refusal is shown.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextArea, TextField } from "~/components/Field";
import { db } from "~/db.server";
import { assessFee, feeSuggestion } from "~/fees/assessment.server";
import { FEE_FORM_FIELDS } from "~/fees/feeFields";
import { currentFeeSchedule } from "~/fees/feeSchedules.server";
import { formatUsd, toCents } from "~/fees/money";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { useZodForm, type FormValues } from "~/forms/useZodForm";
import { refusalOf, requestInContext } from "~/requests/requestRoute.server";
import { REQUEST_TYPE_LABELS, type RequestType } from "workflows/view";
import { feeFormSchema, whyNot } from "~/forms/schemas.server";
import { formatCount } from "~/format";
import { RequestHeading } from "~/components/RequestHeading";
import { DisputeReason } from "~/components/DisputeReason";
import { latestComment } from "~/requests/latestComment.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.dispute ? "Reassess the disputed fee" : "Fee assessment"}: ${data.request.reference} – 3-1-1 Number Use Portal` : "Fee assessment" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, row, snapshot, now, timeZone } = await requestInContext(request, params.id, ["finance"]);
  const [suggestion, schedule] = await Promise.all([feeSuggestion(db, row), currentFeeSchedule(db)]);
  const suggested = suggestion ? suggestion.total / 100 : 0;
  const previous = snapshot.context.fee;
  const disputed = previous?.status === "disputed";
  return {
    request: { id: row.id, reference: row.reference, title: row.title, typeLabel: REQUEST_TYPE_LABELS[row.type as RequestType] },
    suggestion,
    schedule: { version: schedule.version, loadedHourlyCost: formatUsd(toCents(schedule.loadedHourlyCost)), minutes: schedule.averageHandleMinutes },
    previous: previous ? { amount: formatUsd(toCents(previous.amount)), status: previous.status } : null,
    // Finance reassesses a disputed fee with the department's reason in front of it.
    dispute: disputed ? await latestComment(db, row.id, "DISPUTE_FEE", timeZone) : null,
    // Asked with the suggestion itself, so only the state, the role and R13's analysis rule can refuse.
    refusal: whyNot(snapshot, {
      type: "ASSESS_FEE",
      actor,
      at: now.toISOString(),
      amount: suggested,
      suggested,
      scheduleVersion: suggestion?.scheduleVersion ?? null,
    }),
    defaults: {
      amount: suggestion ? (suggestion.total / 100).toFixed(2) : "",
      reason: "",
      scheduleVersion: String(suggestion?.scheduleVersion ?? schedule.version),
    } satisfies FormValues,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, row, now, timeZone } = await requestInContext(request, params.id, ["finance"]);
  const values: FormValues = formValues(await request.formData());
  const parsed = feeFormSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const outcome = await assessFee(db, { by: user, request: row, form: parsed.data, now, timeZone });
  if (!outcome.ok) {
    const { reason, status } = refusalOf(outcome);
    const field = "field" in outcome ? outcome.field : "form";
    return data({ values, errors: { [field]: reason } as Record<string, string> }, { status });
  }
  return redirect(`/requests/${row.id}?done=ASSESS_FEE`, 303);
}


export default function FeePage() {
  const { request, suggestion, schedule, previous, dispute, refusal, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values: FormValues = actionData?.values ?? defaults;
  const form = useZodForm(() => import("~/fees/feeForm").then((m) => m.feeFormSchema), { serverErrors: actionData?.errors });

  return (
    <>
      <RequestHeading request={request} heading={dispute ? "Reassess the disputed fee" : "Fee assessment"} />

      {refusal ? (
        <div className="usa-alert usa-alert--info usa-alert--slim" data-testid="refusal">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{refusal}</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={form.summary(FEE_FORM_FIELDS)} />

      {previous ? (
        <section aria-labelledby="previous-heading" className="margin-y-3">
          <h2 id="previous-heading">The fee set before</h2>
          <p data-testid="previous-fee">
            {previous.amount}, {previous.status === "disputed" ? "disputed by the department" : previous.status}.
          </p>
          {dispute ? <DisputeReason dispute={dispute} headingLevel={3} /> : null}
        </section>
      ) : null}
      {suggestion ? (
        <section aria-labelledby="working-heading" className="margin-y-3">
          <h2 id="working-heading">Suggested fee</h2>
          <dl className="portal-summary">
            <dt>Set-up fee ({request.typeLabel})</dt>
            <dd>{formatUsd(suggestion.setup)}</dd>
            <dt>Cost per call</dt>
            <dd>
              {formatUsd(suggestion.costPerCall)} ({schedule.loadedHourlyCost} an hour × {schedule.minutes} minutes)
            </dd>
            <dt>Projected calls</dt>
            <dd>{formatCount(suggestion.calls)} (from the recorded analysis)</dd>
            <dt>Working</dt>
            <dd data-testid="fee-working">{suggestion.working}</dd>
            <dt>Fee schedule</dt>
            <dd data-testid="schedule-version">Version {suggestion.scheduleVersion}</dd>
          </dl>
        </section>
      ) : null}

      {refusal ? null : (
        <Form method="post" id="form" className="usa-form usa-form--large" noValidate {...form.formProps}>
          <input type="hidden" {...form.register("scheduleVersion")} defaultValue={values.scheduleVersion} />
          <TextField
            label="Fee (US dollars)"
            hint="Enter 0 to waive the fee."
            inputMode="decimal"
            className="usa-input--medium"
            error={form.errorFor("amount")}
            defaultValue={values.amount}
            {...form.register("amount")}
          />
          <TextArea
            label="Reason for the fee"
            hint="Required when the fee differs from the suggestion, or is waived."
            error={form.errorFor("reason")}
            defaultValue={values.reason}
            {...form.register("reason")}
          />
          <button type="submit" className="usa-button">
            Set the fee
          </button>
        </Form>
      )}
    </>
  );
}
