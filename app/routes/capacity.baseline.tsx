// The staffing baseline (issue 19), for the Contact Center's analysts: the Center's normal
// calls and planned agents by weekday and hour, and the service target it staffs to, against
// which the capacity calendar staffs the requests in effect. Set a weekday at a time in the
// form, the whole week from a CSV file, or the calls from the actual calls imported.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { requireRole } from "~/auth/require-role.server";
import { BASELINE_COLUMNS, hourLabel, WEEKDAY_NAMES, type BaselineHour } from "~/capacity/baseline";
import { readBaseline, replaceBaselineHours, saveTarget, type BaselineChange } from "~/capacity/baseline.server";
import { importBaselineCsv, type CsvProblem } from "~/capacity/baselineCsv.server";
import type { ActualsPreview } from "~/capacity/baselineFromActuals";
import { applyActualsBaseline, offeredPeriod, previewActualsBaseline } from "~/capacity/baselineFromActuals.server";
import { agentsName, callsName, WEEKDAY_FIELDS } from "~/capacity/baselineFields";
import { baselineFormSchema, postedHours } from "~/forms/schemas.server";
import { weekdayHours } from "~/capacity/combinedStaffing";
import { FromActualCalls } from "~/capacity/FromActualCalls";
import { ErrorAlert, ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Field";
import { db } from "~/db.server";
import { fieldErrors } from "~/forms/fieldErrors";
import { useZodForm, type FormValues } from "~/forms/useZodForm";
import { formatCount } from "~/format";
import { getSettings } from "~/settings.server";
import { localDate } from "workflows/view";

export const meta: MetaFunction = () => [{ title: "Staffing baseline – 3-1-1 Number Use Portal" }];

const ANALYSTS = ["analyst"] as const;

function weekdayAsked(url: string): number {
  const day = new URL(url).searchParams.get("day");
  return day !== null && /^[0-6]$/.test(day) ? Number(day) : 1;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ANALYSTS);
  const baseline = await readBaseline(db);
  const weekday = weekdayAsked(request.url);
  const hours = weekdayHours(baseline?.hours ?? [], weekday);
  const week = WEEKDAY_NAMES.map((name, day) => {
    const open = (baseline?.hours ?? []).filter((h) => h.weekday === day && (h.calls > 0 || h.agents > 0));
    return {
      day,
      name,
      first: open[0]?.hour ?? null,
      last: open.at(-1)?.hour ?? null,
      calls: open.reduce((sum, h) => sum + h.calls, 0),
      mostAgents: open.reduce((most, h) => Math.max(most, h.agents), 0),
    };
  });
  return { target: baseline?.target ?? null, weekday, hours, week, offered: await offeredPeriod(db) };
}

export type Answer = {
  form: "target" | "weekday" | "import" | "actuals";
  values: FormValues;
  errors: Record<string, string>;
  problems: CsvProblem[];
  /** The calls a period of actual calls gives, for the analyst to confirm. */
  preview?: ActualsPreview;
  /** The figures changed between the preview and the confirmation. */
  stale?: boolean;
};

function refuse(answer: Partial<Answer> & Pick<Answer, "form">, status = 400) {
  return data<Answer>({ values: {}, errors: {}, problems: [], ...answer }, { status });
}

function changeBy(user: BaselineChange["by"]): BaselineChange {
  const now = new Date();
  return { by: user, now, today: localDate(now, getSettings().timeZone) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ANALYSTS);
  const form = await request.formData();
  const file = form.get("file");
  if (form.get("intent") === "import") {
    if (!(file instanceof File) || file.size === 0) return refuse({ form: "import", errors: { file: "Choose a CSV file to import" } });
    const source = Readable.fromWeb(file.stream() as unknown as NodeReadableStream<Uint8Array>);
    const imported = await importBaselineCsv(db, source, { ...changeBy(user), fileName: file.name });
    if (!imported.ok) {
      return refuse({ form: "import", errors: { file: "The file has problems; nothing was imported" }, problems: imported.problems }, 422);
    }
    return redirect(`/capacity/baseline?done=${imported.changed ? "imported" : "unchanged"}`, 303);
  }
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const parsed = baselineFormSchema.safeParse(values);
  const which = values.intent === "target" ? "target" : values.intent?.startsWith("actuals-") ? "actuals" : "weekday";
  if (!parsed.success) return refuse({ form: which, values, errors: fieldErrors(parsed.error) });
  const posted = parsed.data;
  if (posted.intent === "actuals-preview") {
    const preview = await previewActualsBaseline(db, { from: posted.from, to: posted.to });
    return data<Answer>({ form: "actuals", values, errors: {}, problems: [], preview }, { status: preview.ok ? 200 : 422 });
  }
  if (posted.intent === "actuals-apply") {
    const applied = await applyActualsBaseline(db, { ...changeBy(user), period: { from: posted.from, to: posted.to }, checked: posted.checked });
    if (!applied.ok) return refuse({ form: "actuals", values, preview: applied.preview, stale: applied.preview.ok }, 409);
    return redirect(`/capacity/baseline?done=${applied.changed ? "actuals" : "unchanged"}`, 303);
  }
  if (posted.intent === "target") {
    const changed = await saveTarget(db, {
      ...changeBy(user),
      target: {
        handleTimeSeconds: Math.round(posted.handleTimeMinutes * 60),
        targetServiceLevel: posted.targetServiceLevel,
        targetAnswerSeconds: posted.targetAnswerSeconds,
      },
    });
    return redirect(`/capacity/baseline?done=${changed ? "target" : "unchanged"}`, 303);
  }
  const weekday = Number(posted.weekday);
  const hours = postedHours(posted);
  const changed = await replaceBaselineHours(db, {
    ...changeBy(user),
    weekdays: [weekday],
    hours,
    event: "STAFFING_BASELINE_SET",
    comment: `${WEEKDAY_NAMES[weekday]}: ${hours.filter((h) => h.calls > 0 || h.agents > 0).length} open hours`,
  });
  return redirect(`/capacity/baseline?day=${weekday}&done=${changed ? "weekday" : "unchanged"}`, 303);
}

const DONE: Record<string, string> = {
  target: "The service target is saved. The capacity calendar staffs to it.",
  weekday: "The day's hours are saved. The capacity calendar staffs against them.",
  imported: "The file is imported: it is now the whole baseline.",
  actuals: "The calls by hour are now the averages of the actual calls; the agents planned are as they were.",
  unchanged: "Nothing changed: the baseline already held these figures.",
};

const asText = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

function TargetForm({ target, answer }: { target: ReturnType<typeof useLoaderData<typeof loader>>["target"]; answer: Answer | undefined }) {
  const defaults: FormValues =
    answer?.form === "target"
      ? answer.values
      : {
          intent: "target",
          handleTimeMinutes: target ? asText(Math.round((target.handleTimeSeconds / 60) * 100) / 100) : "",
          targetServiceLevel: asText(target?.targetServiceLevel ?? 0.8),
          targetAnswerSeconds: asText(target?.targetAnswerSeconds ?? 60),
        };
  const form = useZodForm(() => import("~/capacity/baselineForm").then((m) => m.targetFormSchema), { serverErrors: answer?.form === "target" ? answer.errors : undefined });
  return (
    <section aria-labelledby="target-heading" className="margin-y-4">
      <h2 id="target-heading">Service target</h2>
      <ErrorSummary errors={form.summary(["handleTimeMinutes", "targetServiceLevel", "targetAnswerSeconds"])} />
      <Form method="post" className="usa-form" noValidate {...form.formProps}>
        <input type="hidden" {...form.register("intent")} defaultValue="target" />
        <TextField label="Average handle time (minutes)" inputMode="decimal" className="usa-input--small" error={form.errorFor("handleTimeMinutes")} defaultValue={defaults.handleTimeMinutes} {...form.register("handleTimeMinutes")} />
        <TextField
          label="Target service level"
          hint="Share of calls answered within the target time, as a decimal: 0.8 is 80 %."
          inputMode="decimal"
          className="usa-input--small"
          error={form.errorFor("targetServiceLevel")}
          defaultValue={defaults.targetServiceLevel}
          {...form.register("targetServiceLevel")}
        />
        <TextField label="Target answer time (seconds)" inputMode="numeric" className="usa-input--small" error={form.errorFor("targetAnswerSeconds")} defaultValue={defaults.targetAnswerSeconds} {...form.register("targetAnswerSeconds")} />
        <button type="submit" className="usa-button margin-top-2">
          Save the service target
        </button>
      </Form>
    </section>
  );
}

function WeekdayForm({ weekday, hours, answer }: { weekday: number; hours: BaselineHour[]; answer: Answer | undefined }) {
  const mine = answer?.form === "weekday" && answer.values.weekday === String(weekday);
  const defaults: FormValues = mine
    ? answer.values
    : Object.fromEntries([
        ["intent", "weekday"],
        ["weekday", String(weekday)],
        ...hours.flatMap((h) => [
          [callsName(h.hour), h.calls > 0 ? String(h.calls) : ""],
          [agentsName(h.hour), h.agents > 0 ? String(h.agents) : ""],
        ]),
      ]);
  const form = useZodForm(() => import("~/capacity/baselineForm").then((m) => m.weekdayFormSchema), { serverErrors: mine ? answer.errors : undefined });
  const name = WEEKDAY_NAMES[weekday];
  const cell = (field: string, label: string) => {
    const error = form.errorFor(field);
    return (
      <td className={error ? "usa-form-group--error" : undefined}>
        <label className="usa-sr-only" htmlFor={field}>
          {label}
        </label>
        {error ? (
          <span className="usa-error-message" id={`${field}-error`}>
            {error}
          </span>
        ) : null}
        <input
          className={`usa-input usa-input--small margin-top-0${error ? " usa-input--error" : ""}`}
          id={field}
          inputMode="decimal"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${field}-error` : undefined}
          defaultValue={defaults[field]}
          {...form.register(field)}
        />
      </td>
    );
  };
  return (
    <section aria-labelledby="weekday-heading" className="margin-y-4">
      <h2 id="weekday-heading">{name}</h2>
      <nav aria-label="Weekdays">
        <ul className="usa-list usa-list--unstyled display-flex flex-wrap">
          {WEEKDAY_NAMES.map((day, i) => (
            <li key={day} className="margin-right-2">
              {i === weekday ? <span aria-current="page">{day}</span> : <Link to={`/capacity/baseline?day=${i}`}>{day}</Link>}
            </li>
          ))}
        </ul>
      </nav>
      <ErrorSummary errors={form.summary(WEEKDAY_FIELDS)} />
      <p>Calls an hour on a normal {name}, and the agents planned. Leave an hour blank when the Center is closed.</p>
      <Form method="post" noValidate {...form.formProps}>
        <input type="hidden" {...form.register("intent")} defaultValue="weekday" />
        <input type="hidden" {...form.register("weekday")} defaultValue={String(weekday)} />
        <table className="usa-table usa-table--borderless usa-table--compact" data-testid="weekday-hours">
          <caption className="usa-sr-only">Calls and planned agents by hour on {name}</caption>
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col">Calls</th>
              <th scope="col">Agents planned</th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h.hour}>
                <th scope="row">{hourLabel(h.hour)}</th>
                {cell(callsName(h.hour), `Calls ${name} ${hourLabel(h.hour)}`)}
                {cell(agentsName(h.hour), `Agents planned ${name} ${hourLabel(h.hour)}`)}
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="usa-button">
          Save {name}
        </button>
      </Form>
    </section>
  );
}

function ImportForm({ answer }: { answer: Answer | undefined }) {
  const error = answer?.form === "import" ? answer.errors.file : undefined;
  const problems = answer?.form === "import" ? answer.problems : [];
  return (
    <section aria-labelledby="import-heading" className="margin-y-4">
      <h2 id="import-heading">Import the week from a CSV file</h2>
      {problems.length > 0 ? (
        <ErrorAlert heading="The file was not imported" headingId="import-problems-heading" focusKey={problems.map((p) => `${p.line}:${p.message}`).join("|")}>
          <p className="usa-alert__text">Nothing was changed. Correct these lines and import the file again:</p>
          <ul className="usa-list" data-testid="import-problems">
            {problems.map((p) => (
              <li key={`${p.line}:${p.message}`}>
                Line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        </ErrorAlert>
      ) : null}
      <p>
        A header, then one row per weekday and hour: <code>{BASELINE_COLUMNS.join(",")}</code>, for example{" "}
        <code>Monday,8,60,8</code>. The file replaces the whole week: an hour it does not list is closed.
      </p>
      <Form method="post" encType="multipart/form-data" className="usa-form">
        <input type="hidden" name="intent" value="import" />
        <div className={`usa-form-group${error ? " usa-form-group--error" : ""}`}>
          <label className="usa-label" htmlFor="file">
            Baseline file (CSV)
          </label>
          {error && problems.length === 0 ? (
            <span className="usa-error-message" id="file-error">
              {error}
            </span>
          ) : null}
          <input className="usa-file-input" id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby={error && problems.length === 0 ? "file-error" : undefined} />
        </div>
        <button type="submit" className="usa-button margin-top-2">
          Import
        </button>
      </Form>
    </section>
  );
}

export default function StaffingBaselinePage() {
  const { target, weekday, hours, week, offered } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/calendar">Capacity calendar</Link>
      </p>
      <h1 className="margin-top-1">Staffing baseline</h1>
      <p className="usa-intro">
        The Center&apos;s normal week: calls an hour and agents planned. The capacity calendar adds every request&apos;s
        projected calls to it and flags the days the combined calls need more agents than are planned.
      </p>
      {done ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status" data-testid="done">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{done}</p>
          </div>
        </div>
      ) : null}
      {target ? null : (
        <p data-testid="no-baseline">No baseline is set yet: the calendar cannot tell which days are short of agents.</p>
      )}
      <table className="usa-table usa-table--borderless usa-table--stacked" data-testid="baseline-week">
        <caption>The normal week</caption>
        <thead>
          <tr>
            <th scope="col">Weekday</th>
            <th scope="col">Open hours</th>
            <th scope="col" className="text-right">
              Calls a day
            </th>
            <th scope="col" className="text-right">
              Most agents in an hour
            </th>
          </tr>
        </thead>
        <tbody>
          {week.map((d) => (
            <tr key={d.day}>
              <th scope="row" data-label="Weekday">
                <Link to={`/capacity/baseline?day=${d.day}`}>{d.name}</Link>
              </th>
              <td data-label="Open hours">{d.first === null || d.last === null ? "Closed" : `${hourLabel(d.first).slice(0, 5)}–${hourLabel(d.last).slice(6)}`}</td>
              <td className="text-right" data-label="Calls a day">
                {formatCount(Math.round(d.calls))}
              </td>
              <td className="text-right" data-label="Most agents in an hour">
                {formatCount(d.mostAgents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TargetForm target={target} answer={answer} />
      <WeekdayForm key={weekday} weekday={weekday} hours={hours} answer={answer} />
      <ImportForm answer={answer} />
      <FromActualCalls offered={offered} answer={answer?.form === "actuals" ? answer : undefined} />
    </>
  );
}
