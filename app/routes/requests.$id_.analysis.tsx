// The call volume analysis (SPEC §5), for the 311 Contact Center's analysts: the calculator by
// request type, past accuracy for similar requests with a calibration factor they suggest
// (issue 19: the analyst decides), a preview ("Calculate", and "Use the suggested factor", which
// work without JavaScript too) and "Record analysis", which the machine must accept
// (RECORD_ANALYSIS).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { currentAnalysis } from "~/analysis/analyses.server";
import { COMMON_ANALYSIS_FIELDS, RECOMMENDATION_FIELD, TYPE_ANALYSIS_FIELDS, type AnalysisField } from "~/analysis/analysisFields";
import { CALIBRATION_FACTOR, CALIBRATION_FIELD, calibrationLine, formatFactor, previewLine } from "~/analysis/calibration";
import { calibrationOfferFor } from "~/analysis/calibration.server";
import { CalibrationPanel } from "~/components/CalibrationPanel";
import { seesEverything } from "~/requests/access.server";
import { prefillAnalysis } from "~/analysis/prefill";
import { preview, recordAnalysis } from "~/analysis/recordAnalysis.server";
import { AnalysisSummary } from "~/components/AnalysisSummary";
import { ErrorSummary } from "~/components/ErrorSummary";
import { SelectField, TextArea, TextField } from "~/components/Field";
import { db } from "~/db.server";
import { currentFeeSchedule } from "~/fees/feeSchedules.server";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { useZodForm, type FormValues } from "~/forms/useZodForm";
import { answersOf } from "~/requests/answers";
import { refusalOf, requestInContext } from "~/requests/requestRoute.server";
import { localDate, REQUEST_TYPE_LABELS, type RequestType } from "workflows/view";
import { analysisFormSchema, whyNot } from "~/forms/schemas.server";
import { RequestHeading } from "~/components/RequestHeading";
import { PinchWarning } from "~/components/PinchWarning";
import { pinchesForProjection } from "~/capacity/staffing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Call volume analysis: ${data.request.reference} – 3-1-1 Number Use Portal` : "Call volume analysis" },
];

/** Similar requests listed on the form; the rest are counted. */
const SIMILAR_SHOWN = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor, row, snapshot, now, timeZone } = await requestInContext(request, params.id, ["analyst"]);
  const type = row.type as RequestType;
  const schedule = await currentFeeSchedule(db);
  const recorded = snapshot.context.analysis;
  const stored = recorded ? await currentAnalysis(db, row.id, recorded.at) : null;
  const { offer, similar } = await calibrationOfferFor(db, row, localDate(now, timeZone));
  return {
    request: { id: row.id, reference: row.reference, title: row.title, typeLabel: REQUEST_TYPE_LABELS[type] },
    typeFields: TYPE_ANALYSIS_FIELDS[type],
    commonFields: COMMON_ANALYSIS_FIELDS,
    defaults: { ...prefillAnalysis(answersOf(row), schedule.averageHandleMinutes), [CALIBRATION_FIELD]: String(CALIBRATION_FACTOR.none) },
    // The machine says whether an analysis can be recorded now; the page only reports it.
    refusal: whyNot(snapshot, { type: "RECORD_ANALYSIS", actor, at: now.toISOString(), projectedCalls: 0 }),
    calibration: {
      offer,
      similar: similar.slice(0, SIMILAR_SHOWN).map((o) => ({ id: o.requestId, reference: o.reference, title: o.title, calculated: Math.round(o.calculated), actual: o.actual })),
      more: Math.max(0, similar.length - SIMILAR_SHOWN),
      // The similar requests are approved or completed, so submitted: every analyst sees them (R18).
      linked: seesEverything(user),
    },
    stored: stored ? { ...stored, calibration: calibrationLine(stored.calibration) } : null,
    recordedOn: recorded ? localDate(recorded.at, timeZone) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, row, now, timeZone } = await requestInContext(request, params.id, ["analyst"]);
  const { intent, ...posted } = formValues(await request.formData());
  // The request's type decides which calculator applies, whatever the form says.
  const values: FormValues = { ...posted, type: row.type };
  // The offer is the server's own, worked out again: never one a form posted.
  const offer = intent === "record" || intent === "calibrate" ? (await calibrationOfferFor(db, row, localDate(now, timeZone))).offer : null;
  // "Use the suggested factor" fills the field, then calculates as "Calculate" does.
  if (intent === "calibrate" && offer && offer.suggested !== null) values[CALIBRATION_FIELD] = formatFactor(offer.suggested);
  const parsed = analysisFormSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error), result: null, pinches: [] }, { status: 400 });
  if (intent !== "record") {
    const result = preview(parsed.data);
    return { values, errors: {}, result, pinches: await pinchesForProjection(db, row.id, result.projection.daily) };
  }

  const outcome = await recordAnalysis(db, { by: user, request: row, form: parsed.data, offer, now, timeZone });
  if (!outcome.ok) {
    const { reason, status } = refusalOf(outcome);
    return data({ values, errors: { form: reason }, result: preview(parsed.data), pinches: [] }, { status });
  }
  return redirect(`/requests/${row.id}?done=RECORD_ANALYSIS`, 303);
}

function Input({
  field,
  form,
  defaultValue,
}: {
  field: AnalysisField;
  form: ReturnType<typeof useZodForm>;
  defaultValue: string | undefined;
}) {
  const shared = { label: field.label, hint: field.hint, error: form.errorFor(field.name), defaultValue };
  if (field.kind === "routing") {
    return (
      <SelectField
        {...shared}
        {...form.register(field.name)}
        options={[
          { value: "", label: "- Select -" },
          { value: "permanent", label: "Permanent" },
          { value: "temporary", label: "Temporary" },
        ]}
      />
    );
  }
  return (
    <TextField
      {...shared}
      {...form.register(field.name)}
      type={field.kind === "date" ? "date" : "text"}
      inputMode={field.kind === "number" ? "decimal" : undefined}
      className={field.kind === "number" ? "usa-input--medium" : undefined}
    />
  );
}

export default function AnalysisPage() {
  const { request, typeFields, commonFields, defaults, refusal, calibration, stored, recordedOn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values: FormValues = actionData?.values ?? defaults;
  const form = useZodForm(() => import("~/analysis/analysisForm").then((m) => m.analysisFormSchema), { serverErrors: actionData?.errors });
  const result = actionData?.result ?? null;
  const names = [...typeFields, ...commonFields].map((f) => f.name).concat(CALIBRATION_FIELD, RECOMMENDATION_FIELD);
  const suggested = calibration.offer.suggested;

  return (
    <>
      <RequestHeading request={request} heading="Call volume analysis" />
      <p className="usa-intro">{request.typeLabel}. The figures start from what the department told us; check them.</p>

      {refusal ? (
        <div className="usa-alert usa-alert--info usa-alert--slim" data-testid="refusal">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{refusal} You can still use the calculator.</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={form.summary(names)} />

      <Form method="post" id="form" className="usa-form usa-form--large" noValidate {...form.formProps}>
        <input type="hidden" {...form.register("type")} defaultValue={values.type} />
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">The request&apos;s calls</legend>
          {typeFields.map((f) => (
            <Input key={f.name} field={f} form={form} defaultValue={values[f.name]} />
          ))}
        </fieldset>
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend usa-legend--large">The Contact Center</legend>
          {commonFields.map((f) => (
            <Input key={f.name} field={f} form={form} defaultValue={values[f.name]} />
          ))}
        </fieldset>
        <CalibrationPanel offer={calibration.offer} similar={calibration.similar} more={calibration.more} linked={calibration.linked}>
          <TextField
            label="Calibration factor"
            hint={`Multiplies the calculator's calls: 1 for none, 0.85 for 15 % fewer; from ${CALIBRATION_FACTOR.min} to ${CALIBRATION_FACTOR.max}. You decide: the suggestion and what it rests on are recorded with the analysis.`}
            error={form.errorFor(CALIBRATION_FIELD)}
            defaultValue={values[CALIBRATION_FIELD]}
            inputMode="decimal"
            className="usa-input--small"
            {...form.register(CALIBRATION_FIELD)}
          />
        </CalibrationPanel>
        <TextArea
          label="Your recommendation (optional)"
          hint="Leave blank to record the calculator's recommendation."
          error={form.errorFor(RECOMMENDATION_FIELD)}
          defaultValue={values[RECOMMENDATION_FIELD]}
          {...form.register(RECOMMENDATION_FIELD)}
        />
        <div className="portal-actions margin-top-3">
          <button type="submit" name="intent" value="preview" className="usa-button usa-button--outline">
            Calculate
          </button>
          {/* After "Calculate", which pressing Enter in a field must keep meaning. */}
          {suggested === null ? null : (
            <button
              type="submit"
              name="intent"
              value="calibrate"
              className="usa-button usa-button--outline"
              onClick={() => form.setValue(CALIBRATION_FIELD, formatFactor(suggested))}
            >
              Use the suggested factor ({formatFactor(suggested)})
            </button>
          )}
          {refusal ? null : (
            <button type="submit" name="intent" value="record" className="usa-button">
              Record analysis
            </button>
          )}
        </div>
      </Form>

      {result ? (
        <section aria-labelledby="result-heading" className="margin-y-4" aria-live="polite">
          <h2 id="result-heading">Calculated (not recorded yet)</h2>
          <PinchWarning pinches={actionData?.pinches ?? []} />
          <AnalysisSummary
            projection={result.projection}
            recommendation={result.recommendation}
            calibration={previewLine(result.calibration.factor, result.calibration.calculatedCalls, result.projection.totalCalls)}
          />
        </section>
      ) : stored ? (
        <section aria-labelledby="stored-heading" className="margin-y-4">
          <h2 id="stored-heading">Recorded analysis</h2>
          <AnalysisSummary
            projection={stored.outputs}
            recommendation={stored.recommendation}
            recorded={recordedOn ? { by: stored.recordedBy, on: recordedOn } : undefined}
            calibration={stored.calibration}
          />
        </section>
      ) : null}
    </>
  );
}
