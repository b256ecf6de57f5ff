// The Contact Center's capacity calendar (issue 5), for analysts and COM reviewers: approved
// and pending requests on the days they are in effect, with projected extra calls per day,
// by month or by week; and the person's secret iCalendar feed of approved requests.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";
import { requireRole } from "~/auth/require-role.server";
import { capacityRoles } from "~/calendar/capacityRoles";
import { calendarEntries } from "~/calendar/capacity.server";
import { calendarView, viewDates } from "~/calendar/calendarView";
import { dayLoads, type DayLoad } from "~/calendar/dayLoads";
import { feedCreatedAt, renewFeedToken, revokeFeedToken } from "~/calendar/feedTokens.server";
import { db } from "~/db.server";
import { getSettings } from "~/settings.server";
import { localDate } from "../../workflows/notice";
import { formatCount } from "~/format";

export const meta: MetaFunction = () => [{ title: "Capacity calendar – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, capacityRoles);
  const today = localDate(new Date(), getSettings().timeZone);
  const view = calendarView(new URL(request.url).searchParams, today);
  const dates = viewDates(view);
  const entries = await calendarEntries(db, { first: dates[0], last: dates[dates.length - 1] });
  const feedSince = await feedCreatedAt(db, user.id);
  return { view, today, loads: dayLoads(entries, dates), feedSince: feedSince ? localDate(feedSince, getSettings().timeZone) : null };
}

const feedActionSchema = z.object({ intent: z.enum(["renew", "revoke"]) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, capacityRoles);
  const parsed = feedActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ feedUrl: null, revoked: false }, { status: 400 });
  if (parsed.data.intent === "revoke") {
    await revokeFeedToken(db, user.id);
    return { feedUrl: null, revoked: true };
  }
  const token = await renewFeedToken(db, user.id, new Date());
  return { feedUrl: `${getSettings().appUrl}/calendar/feed/${token}.ics`, revoked: false };
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function Calls({ load }: { load: DayLoad }) {
  if (load.approvedCalls === 0 && load.pendingCalls === 0) return null;
  return (
    <p className="portal-calls margin-y-05">
      <strong>{formatCount(load.approvedCalls)}</strong> extra calls
      {load.pendingCalls > 0 ? ` (+${formatCount(load.pendingCalls)} pending)` : ""}
    </p>
  );
}

function Entries({ load, long }: { load: DayLoad; long: boolean }) {
  if (load.entries.length === 0) return null;
  return (
    <ul className="usa-list usa-list--unstyled portal-day__entries">
      {load.entries.map((e) => (
        <li key={e.id}>
          <Link to={`/requests/${e.id}`}>{e.reference}</Link>{" "}
          <span className={`usa-tag ${e.status === "approved" ? "portal-tag--approved" : "portal-tag--pending"}`}>
            {e.status}
          </span>
          {long ? ` ${e.title} (${e.department})` : null}
        </li>
      ))}
    </ul>
  );
}

export default function CalendarPage() {
  const { view, today, loads, feedSince } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const byDate = new Map(loads.map((l) => [l.date, l]));
  const title =
    view.kind === "month"
      ? new Date(`${view.month}-01T12:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" })
      : `Week of ${view.days[0]}`;
  const other =
    view.kind === "month"
      ? { to: `/calendar?view=week&date=${view.month === today.slice(0, 7) ? today : `${view.month}-01`}`, label: "Week view" }
      : { to: `/calendar?month=${view.days[0].slice(0, 7)}`, label: "Month view" };
  const step = (where: string) => (view.kind === "month" ? `/calendar?month=${where}` : `/calendar?view=week&date=${where}`);

  return (
    <>
      <h1>Capacity calendar</h1>
      <p className="usa-intro">
        Requests on the days they are in effect, and the extra calls their analyses project. Pending requests are still in
        review.
      </p>
      <nav aria-label="Calendar" className="portal-actions margin-bottom-2">
        <Link className="usa-button usa-button--outline" to={step(view.previous)}>
          Previous<span className="usa-sr-only"> {view.kind}</span>
        </Link>
        <Link className="usa-button usa-button--outline" to={step(view.next)}>
          Next<span className="usa-sr-only"> {view.kind}</span>
        </Link>
        <Link className="usa-button usa-button--unstyled" to={other.to}>
          {other.label}
        </Link>
      </nav>
      <h2 data-testid="calendar-title">{title}</h2>

      {view.kind === "month" ? (
        <table className="usa-table usa-table--borderless portal-month" data-testid="calendar-month">
          <caption className="usa-sr-only">Requests and projected extra calls by day, {title}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th scope="col" key={d}>
                  <abbr title={d}>{d.slice(0, 3)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.weeks.map((week) => (
              <tr key={week[0]}>
                {week.map((date) => {
                  const load = byDate.get(date);
                  return (
                    <td key={date} className={date.slice(0, 7) === view.month ? undefined : "portal-day--other"} data-date={date}>
                      <span className={`portal-day__number${date === today ? " portal-day--today" : ""}`}>
                        {Number(date.slice(8))}
                        <span className="usa-sr-only"> {date}</span>
                      </span>
                      {load ? (
                        <>
                          <Calls load={load} />
                          <Entries load={load} long={false} />
                        </>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ol className="usa-list usa-list--unstyled" data-testid="calendar-week">
          {view.days.map((date) => {
            const load = byDate.get(date);
            return (
              <li key={date} className="margin-bottom-2" data-date={date}>
                <h3 className="margin-bottom-05">
                  {WEEKDAYS[view.days.indexOf(date)]} {date}
                  {date === today ? " (today)" : ""}
                </h3>
                {load && (load.entries.length > 0 || load.approvedCalls + load.pendingCalls > 0) ? (
                  <>
                    <Calls load={load} />
                    <Entries load={load} long />
                  </>
                ) : (
                  <p className="margin-y-05">Nothing in effect.</p>
                )}
              </li>
            );
          })}
        </ol>
      )}

      <section aria-labelledby="feed-heading" className="margin-y-4">
        <h2 id="feed-heading">Subscribe in Outlook or another calendar</h2>
        <p>
          Your own secret address for a calendar of approved requests. Anyone with the address can read that calendar, so
          keep it to yourself. The portal keeps only a fingerprint of it, so it is shown once, when made.
        </p>
        {actionData?.feedUrl ? (
          <div className="usa-alert usa-alert--success" role="status">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                Your calendar address (any earlier one no longer works):{" "}
                <code className="portal-secret" data-testid="feed-url">
                  {actionData.feedUrl}
                </code>
              </p>
            </div>
          </div>
        ) : null}
        {actionData?.revoked ? (
          <p role="status" data-testid="feed-revoked">
            Your calendar address was revoked. Calendars subscribed to it get nothing more.
          </p>
        ) : null}
        <p data-testid="feed-state">
          {feedSince ? `You have a calendar address, made on ${feedSince}.` : "You have no calendar address."}
        </p>
        <div className="portal-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="renew" />
            <button type="submit" className="usa-button">
              {feedSince ? "Renew the address" : "Make my calendar address"}
            </button>
          </Form>
          {feedSince ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <button type="submit" className="usa-button usa-button--secondary">
                Revoke the address
              </button>
            </Form>
          ) : null}
        </div>
      </section>
    </>
  );
}
