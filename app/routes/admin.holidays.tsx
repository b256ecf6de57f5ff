// The county's holidays (admin only, R19): business days skip them, so reminders and "waiting
// since" count working days. Seeded with the U.S. federal holidays; the administrator adds the
// county's own days and stops observing any it does not keep.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/auth/require-role.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Field";
import { db } from "~/db.server";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { useZodForm, type FormValues } from "~/forms/useZodForm";
import { holidayFormSchema } from "~/forms/schemas.server";
import { ADD_HOLIDAY_FIELDS } from "~/holidays/holidayFields";
import { addFederalHolidays, addHoliday, holidaysIn, setObserved, yearHasHolidays } from "~/holidays/holidays.server";
import { getSettings } from "~/settings.server";
import { localDate } from "workflows/view";

export const meta: MetaFunction = () => [{ title: "Holidays – 3-1-1 Number Use Portal" }];

function yearAsked(url: string, thisYear: number): number {
  const asked = Number(new URL(url).searchParams.get("year"));
  return Number.isInteger(asked) && asked >= 2000 && asked <= 2099 ? asked : thisYear;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const thisYear = Number(localDate(new Date(), getSettings().timeZone).slice(0, 4));
  const year = yearAsked(request.url, thisYear);
  return {
    year,
    holidays: await holidaysIn(db, year),
    // A year with no holiday at all is most likely one nobody has set up yet.
    nextYearMissing: !(await yearHasHolidays(db, thisYear + 1)) ? thisYear + 1 : null,
  };
}

const DONE: Record<string, string> = {
  add: "The holiday is added.",
  observe: "The day is a holiday again.",
  unobserve: "The day is no longer a holiday. It stays listed, so adding the federal holidays again leaves it off.",
  federal: "The U.S. federal holidays are added.",
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const values = formValues(await request.formData());
  const parsed = holidayFormSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const form = parsed.data;
  const now = new Date();
  let year: string;
  if (form.intent === "federal") {
    await addFederalHolidays(db, Number(form.year), { by: user, now });
    year = form.year;
  } else if (form.intent === "add") {
    await addHoliday(db, { by: user, holiday: { date: form.date, name: form.name }, now });
    year = form.date.slice(0, 4);
  } else {
    if (!(await setObserved(db, { by: user, date: form.date, observed: form.intent === "observe", now }))) {
      throw new Response("Not found", { status: 404 });
    }
    year = form.date.slice(0, 4);
  }
  return redirect(`/admin/holidays?year=${year}&done=${form.intent}`, 303);
}

const EMPTY: FormValues = { intent: "add", date: "", name: "" };

export default function HolidaysPage() {
  const { year, holidays, nextYearMissing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  const values = actionData?.values ?? EMPTY;
  const form = useZodForm(() => import("~/holidays/holidayForm").then((m) => m.addHolidaySchema), { serverErrors: actionData?.errors });
  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/admin">Administration</Link>
      </p>
      <h1 className="margin-top-1">Holidays in {year}</h1>
      <p className="usa-intro">
        Reminders and “waiting since” count business days: Monday to Friday, except the holidays below.
      </p>
      {done ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{done}</p>
          </div>
        </div>
      ) : null}
      {nextYearMissing ? (
        <div className="usa-alert usa-alert--warning usa-alert--slim" data-testid="next-year-missing">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              No holidays are set for {nextYearMissing} yet.{" "}
              <Link to={`/admin/holidays?year=${nextYearMissing}`}>Set up {nextYearMissing}</Link>
            </p>
          </div>
        </div>
      ) : null}
      <nav aria-label="Other years">
        <ul className="usa-list usa-list--unstyled display-flex flex-gap-2">
          <li className="margin-right-2">
            <Link to={`/admin/holidays?year=${year - 1}`}>{year - 1}</Link>
          </li>
          <li>
            <Link to={`/admin/holidays?year=${year + 1}`}>{year + 1}</Link>
          </li>
        </ul>
      </nav>

      {holidays.length === 0 ? (
        <p data-testid="no-holidays">No holidays are set for {year}.</p>
      ) : (
        <table className="usa-table usa-table--borderless usa-table--stacked" data-testid="holidays">
          <caption className="usa-sr-only">Holidays in {year}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Holiday</th>
              <th scope="col">Business day?</th>
              <th scope="col">
                <span className="usa-sr-only">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => (
              <tr key={h.date}>
                <td data-label="Date">
                  <time dateTime={h.date}>{h.date}</time>
                </td>
                <th scope="row" data-label="Holiday">
                  {h.name}
                </th>
                <td data-label="Business day?">{h.observed ? "No: a county holiday" : "Yes: not observed"}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="date" value={h.date} />
                    <button
                      type="submit"
                      name="intent"
                      value={h.observed ? "unobserve" : "observe"}
                      className="usa-button usa-button--unstyled"
                    >
                      {h.observed ? `Stop observing ${h.name}` : `Observe ${h.name} again`}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form method="post" className="margin-top-2">
        <input type="hidden" name="year" value={year} />
        <button type="submit" name="intent" value="federal" className="usa-button usa-button--outline">
          Add the U.S. federal holidays for {year}
        </button>
      </Form>

      <h2 className="margin-top-4">Add a county holiday</h2>
      <ErrorSummary errors={form.summary(ADD_HOLIDAY_FIELDS)} />
      <Form method="post" className="usa-form" noValidate {...form.formProps}>
        <input type="hidden" name="intent" value="add" />
        <TextField label="Date" type="date" error={form.errorFor("date")} defaultValue={values.date} {...form.register("date")} />
        <TextField label="Name" hint="For example, Day after Thanksgiving." error={form.errorFor("name")} defaultValue={values.name} {...form.register("name")} />
        <button type="submit" className="usa-button">
          Add the holiday
        </button>
      </Form>
    </>
  );
}
