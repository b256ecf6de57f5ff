// The fee schedule (SPEC §6), admin only: each save adds a version; requests keep the version
// their fee was worked out with.
import { DateText } from "~/components/DateText";
import { getSettings } from "~/settings.server";
import { localDate, REQUEST_TYPE_LABELS, REQUEST_TYPES } from "workflows/view";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/auth/require-role.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Field";
import { db } from "~/db.server";
import { FEE_SCHEDULE_FIELDS } from "~/fees/feeFields";
import { costPerCall, feeScheduleFormSchema } from "~/forms/schemas.server";
import { feeScheduleHistory, saveFeeSchedule } from "~/fees/feeSchedules.server";
import { formatUsd, toCents } from "~/fees/money";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { nestFields } from "~/forms/nestFields";
import { useZodForm, type FormValues } from "~/forms/useZodForm";

export const meta: MetaFunction = () => [{ title: "Fee schedule – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const history = await feeScheduleHistory(db);
  const current = history[0];
  return {
    defaults: {
      loadedHourlyCost: current.loadedHourlyCost.toFixed(2),
      averageHandleMinutes: String(current.averageHandleMinutes),
      "setupFees.materials": current.setupFees.materials.toFixed(2),
      "setupFees.call_routing": current.setupFees.call_routing.toFixed(2),
      "setupFees.automated_response": current.setupFees.automated_response.toFixed(2),
    } satisfies FormValues,
    history: history.map((v) => ({
      version: v.version,
      createdOn: localDate(v.createdAt, getSettings().timeZone),
      loadedHourlyCost: formatUsd(toCents(v.loadedHourlyCost)),
      minutes: v.averageHandleMinutes,
      perCall: formatUsd(costPerCall(v)),
      setup: REQUEST_TYPES.map((t) => `${REQUEST_TYPE_LABELS[t]} ${formatUsd(toCents(v.setupFees[t]))}`).join("; "),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const values = formValues(await request.formData());
  const parsed = feeScheduleFormSchema.safeParse(nestFields(values));
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const version = await saveFeeSchedule(db, { by: user, schedule: parsed.data, now: new Date() });
  return redirect(`/admin/fees?saved=${version}`, 303);
}

const LABELS: Record<(typeof FEE_SCHEDULE_FIELDS)[number], { label: string; hint?: string }> = {
  loadedHourlyCost: {
    label: "Loaded hourly cost of a Call Specialist (US dollars)",
    hint: "Pay plus benefits and overhead, for one hour.",
  },
  averageHandleMinutes: { label: "Average handle time (minutes)", hint: "Talk and wrap-up time of one call." },
  "setupFees.materials": { label: `Set-up fee: ${REQUEST_TYPE_LABELS.materials} (US dollars)` },
  "setupFees.call_routing": { label: `Set-up fee: ${REQUEST_TYPE_LABELS.call_routing} (US dollars)` },
  "setupFees.automated_response": { label: `Set-up fee: ${REQUEST_TYPE_LABELS.automated_response} (US dollars)` },
};

export default function FeeSchedulePage() {
  const { defaults, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values: FormValues = actionData?.values ?? defaults;
  const form = useZodForm(() => import("~/fees/feeScheduleForm").then((m) => m.feeScheduleFormSchema), { serverErrors: actionData?.errors });
  const saved = params.get("saved");

  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/admin">Administration</Link>
      </p>
      <h1 className="margin-top-1">Fee schedule</h1>
      {saved && !actionData ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">Version {saved} saved. New fee assessments use it.</p>
          </div>
        </div>
      ) : null}
      <p className="usa-intro">
        Suggested fee = set-up fee + projected calls × cost per call, where cost per call = loaded hourly cost × handle
        time ÷ 60. Saving makes a new version; fees already set keep theirs.
      </p>
      <ErrorSummary errors={form.summary(FEE_SCHEDULE_FIELDS)} />
      <Form method="post" className="usa-form usa-form--large" noValidate {...form.formProps}>
        {FEE_SCHEDULE_FIELDS.map((name) => (
          <TextField
            key={name}
            label={LABELS[name].label}
            hint={LABELS[name].hint}
            inputMode="decimal"
            className="usa-input--medium"
            error={form.errorFor(name)}
            defaultValue={values[name]}
            {...form.register(name)}
          />
        ))}
        <button type="submit" className="usa-button">
          Save as a new version
        </button>
      </Form>

      <h2 className="margin-top-4">Versions</h2>
      <table className="usa-table usa-table--borderless usa-table--stacked" data-testid="fee-versions">
        <caption className="usa-sr-only">Fee schedule versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved on</th>
            <th scope="col">Hourly cost</th>
            <th scope="col">Handle time</th>
            <th scope="col">Cost per call</th>
            <th scope="col">Set-up fees</th>
          </tr>
        </thead>
        <tbody>
          {history.map((v) => (
            <tr key={v.version}>
              <th scope="row" data-label="Version">
                {v.version}
              </th>
              <td data-label="Saved on">
                <DateText date={v.createdOn} />
              </td>
              <td data-label="Hourly cost">{v.loadedHourlyCost}</td>
              <td data-label="Handle time">{v.minutes} min</td>
              <td data-label="Cost per call">{v.perCall}</td>
              <td data-label="Set-up fees">{v.setup}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
