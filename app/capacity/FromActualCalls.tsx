// The staffing baseline page's part for the calls from the actual calls imported (issue 19): the
// analyst chooses a period, sees each weekday's average calls by hour beside the baseline's, and
// only then saves them. Works without JavaScript: both steps are plain posts.
import { Form, Link } from "@remix-run/react";
import { ErrorAlert, ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Field";
import { useZodForm, type FormValues } from "~/forms/useZodForm";
import { formatDate, formatDecimal } from "~/format";
import { hourLabel, WEEKDAY_NAMES } from "./baseline";
import { DEFAULT_WEEKS, type ActualsPreview, type Period, type WeekdayPreview } from "./baselineFromActuals";
import { PERIOD_FIELDS } from "./baselineFields";
import { HOURS } from "./combinedStaffing";

export interface ActualsAnswer {
  values: FormValues;
  errors: Record<string, string>;
  preview?: ActualsPreview;
  stale?: boolean;
}

const sum = (numbers: number[]) => numbers.reduce((total, n) => total + n, 0);

/** Monday first, as the Center's week runs. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

function busiest(calls: number[]): string {
  const top = Math.max(...calls);
  return top > 0 ? `${hourLabel(calls.indexOf(top))} (${formatDecimal(top)})` : "No calls";
}

function WeekdayRow({ day }: { day: WeekdayPreview }) {
  const name = WEEKDAY_NAMES[day.weekday];
  const now = formatDecimal(sum(day.current.map((h) => h.calls)));
  return (
    <tr>
      <th scope="row" data-label="Weekday">
        {name}
      </th>
      <td data-label="Days with calls by hour">{day.days}</td>
      <td data-label="Calls a day now">{now}</td>
      {day.days === 0 ? (
        <td data-label="Calls a day from the actual calls" colSpan={2}>
          No calls by hour in the period: kept as it is
        </td>
      ) : (
        <>
          <td data-label="Calls a day from the actual calls">{formatDecimal(sum(day.calls))}</td>
          <td data-label="Busiest hour">{busiest(day.calls)}</td>
        </>
      )}
    </tr>
  );
}

function Preview({ preview, stale }: { preview: Extract<ActualsPreview, { ok: true }>; stale: boolean }) {
  const { period } = preview;
  const counted = WEEK_ORDER.map((weekday) => preview.weekdays[weekday]).filter((d) => d.days > 0);
  const hours = Array.from({ length: HOURS }, (_, hour) => hour).filter((hour) => counted.some((d) => d.calls[hour] > 0));
  return (
    <div data-testid="actuals-preview" className="margin-top-3">
      {stale ? (
        <ErrorAlert heading="The actual calls changed" headingId="actuals-stale-heading" focusKey={preview.checked}>
          <p className="usa-alert__text">
            An import changed the calls of this period since you looked. Nothing was saved: check the figures below and save again.
          </p>
        </ErrorAlert>
      ) : null}
      <h3>
        Calls by hour, {formatDate(period.from)} to {formatDate(period.to)}
      </h3>
      <p>Nothing is saved until you confirm. The agents planned stay as they are.</p>
      {preview.leftOut.length > 0 ? (
        <p data-testid="actuals-left-out">Left out, as tied to requests: the calls on {preview.leftOut.join(", ")}.</p>
      ) : null}
      <table className="usa-table usa-table--borderless usa-table--stacked" data-testid="actuals-weekdays">
        <caption>Calls a day by weekday: the baseline now and the average of the actual calls</caption>
        <thead>
          <tr>
            <th scope="col">Weekday</th>
            <th scope="col">Days with calls by hour</th>
            <th scope="col">Calls a day now</th>
            <th scope="col">Calls a day from the actual calls</th>
            <th scope="col">Busiest hour</th>
          </tr>
        </thead>
        <tbody>
          {WEEK_ORDER.map((weekday) => (
            <WeekdayRow key={weekday} day={preview.weekdays[weekday]} />
          ))}
        </tbody>
      </table>
      <table className="usa-table usa-table--borderless usa-table--stacked" data-testid="actuals-hours">
        <caption>Average calls by hour from the actual calls (hours with calls)</caption>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            {counted.map((d) => (
              <th scope="col" key={d.weekday}>
                {WEEKDAY_NAMES[d.weekday]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hours.map((hour) => (
            <tr key={hour}>
              <th scope="row" data-label="Hour">
                {hourLabel(hour)}
              </th>
              {counted.map((d) => (
                <td key={d.weekday} data-label={WEEKDAY_NAMES[d.weekday]}>
                  {formatDecimal(d.calls[hour])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post">
        <input type="hidden" name="intent" value="actuals-apply" />
        <input type="hidden" name="from" value={period.from} />
        <input type="hidden" name="to" value={period.to} />
        <input type="hidden" name="checked" value={preview.checked} />
        <button type="submit" className="usa-button">
          Save these calls in the baseline
        </button>
      </Form>
    </div>
  );
}

export function FromActualCalls({ offered, answer }: { offered: Period | null; answer: ActualsAnswer | undefined }) {
  // The period as posted; after a confirmation, the period confirmed; at first, the one offered.
  const period = answer?.preview?.period ?? offered;
  const defaults: FormValues =
    answer?.values.intent === "actuals-preview" ? answer.values : { intent: "actuals-preview", from: period?.from ?? "", to: period?.to ?? "" };
  const form = useZodForm(() => import("~/capacity/baselineForm").then((m) => m.actualsPreviewSchema), { serverErrors: answer?.errors });
  const preview = answer?.preview;
  return (
    <section aria-labelledby="actuals-heading" className="margin-y-4">
      <h2 id="actuals-heading">Calls from the actual calls imported</h2>
      <p>
        Each weekday&apos;s calls by hour can be the average calls offered in that hour over a period of the{" "}
        <Link to="/actuals">actual calls imported</Link>. Only exports by interval give hours; the queues tied to requests
        are left out, as campaign calls are not the normal load. A weekday without calls by hour in the period keeps its
        figures.
      </p>
      <ErrorSummary errors={form.summary(PERIOD_FIELDS)} />
      {preview && !preview.ok ? (
        <ErrorAlert heading="No calls by hour for this period" headingId="actuals-none-heading" focusKey={preview.message}>
          <p className="usa-alert__text" data-testid="actuals-none">
            {preview.message}
          </p>
        </ErrorAlert>
      ) : null}
      <Form method="post" className="usa-form" noValidate {...form.formProps}>
        <input type="hidden" {...form.register("intent")} defaultValue="actuals-preview" />
        <TextField
          label="First day of the period"
          hint={offered ? `Offered: the last ${DEFAULT_WEEKS} weeks up to the last day with calls by hour.` : "No calls by hour are imported yet."}
          type="date"
          error={form.errorFor("from")}
          defaultValue={defaults.from}
          {...form.register("from")}
        />
        <TextField label="Last day of the period" type="date" error={form.errorFor("to")} defaultValue={defaults.to} {...form.register("to")} />
        <button type="submit" className="usa-button margin-top-2">
          Show the calls by hour
        </button>
      </Form>
      {preview?.ok ? <Preview preview={preview} stale={answer?.stale ?? false} /> : null}
    </section>
  );
}
