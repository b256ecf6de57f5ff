// The Contact Center's capacity calendar (issue 5), for analysts and COM reviewers: approved
// and pending requests on the days they are in effect, with projected extra calls per day,
// by month or by week, and each day's full list a page at a time; and the person's secret
// iCalendar feed of approved requests.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/require-role.server";
import { capacityRoles } from "~/calendar/capacityRoles";
import { hasActivity, listedLoad } from "~/calendar/dayLoads";
import { StaffingNote } from "~/calendar/StaffingNote";
import { pinchCount } from "~/capacity/combinedStaffing";
import { calendarDays } from "~/capacity/staffing.server";
import { holdsAny } from "~/auth/require-role.server";
import { calendarView, type CalendarView } from "~/calendar/calendarView";
import { Calls, DayTable, Entries, InEffect, MoreLink } from "~/calendar/DayParts";
import { DAY_PAGE_SIZE, SHOWN_IN_WEEK } from "~/calendar/dayPage";
import { monthGridHtml } from "~/calendar/monthGrid.server";
import { markupForAnswer } from "~/http/serverMarkup.server";
import { ServerMarkup } from "~/components/ServerMarkup";
import { pageWithin } from "~/paging";
import { feedActionSchema, feedCreatedAt, renewFeedToken, revokeFeedToken } from "~/calendar/feedTokens.server";
import { DateText } from "~/components/DateText";
import { InAppLinks } from "~/components/InAppLinks";
import { NewSecretAlert } from "~/components/NewSecretAlert";
import { formatDate } from "~/format";
import { db } from "~/db.server";
import { getSettings } from "~/settings.server";
import { formatMonth, localDate } from "workflows/view";

const MONTH_MARKUP = "calendar-month";

export const meta: MetaFunction = () => [{ title: "Capacity calendar – 3-1-1 Number Use Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, capacityRoles);
  const { timeZone } = getSettings();
  const today = localDate(new Date(), timeZone);
  const view = calendarView(new URL(request.url).searchParams, today);
  const feed = await feedCreatedAt(db, user.id);
  const feedSince = feed ? localDate(feed, timeZone) : null;
  // Only analysts set the baseline; the others are told to ask one.
  const setsBaseline = holdsAny(user, ["analyst"]);
  if (view.kind === "day") {
    const { loads: [load], staffing } = await calendarDays(db, [view.date], Number.POSITIVE_INFINITY);
    const page = pageWithin(load.inEffect, view.page, DAY_PAGE_SIZE);
    const table = load.entries.slice(page.offset, page.offset + DAY_PAGE_SIZE);
    const loads = [listedLoad({ ...load, entries: [] }, false)];
    return { view, today, month: null, loads, table, staffing, pinches: pinchCount(staffing), page, feedSince, setsBaseline };
  }
  if (view.kind === "month") {
    const { html, busy, pinches } = await monthGridHtml(db, view, today);
    const month = { html: markupForAnswer(context, MONTH_MARKUP, html), busy };
    return { view, today, month, loads: [], table: null, staffing: null, pinches, page: null, feedSince, setsBaseline };
  }
  const { loads, staffing } = await calendarDays(db, view.days, SHOWN_IN_WEEK);
  const listed = loads.map((load) => listedLoad(load, true));
  return { view, today, month: null, loads: listed, table: null, staffing, pinches: pinchCount(staffing), page: null, feedSince, setsBaseline };
}

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

/** The page's heading, the steps back and forward, and the other views of the same days. */
function navigation(view: CalendarView, today: string) {
  switch (view.kind) {
    case "month":
      return {
        title: formatMonth(view.month),
        step: (where: string) => `/calendar?month=${where}`,
        others: [{ to: `/calendar?view=week&date=${view.month === today.slice(0, 7) ? today : `${view.month}-01`}`, label: "Week view" }],
      };
    case "week":
      return {
        title: `Week of ${formatDate(view.days[0])}`,
        step: (where: string) => `/calendar?view=week&date=${where}`,
        others: [{ to: `/calendar?month=${view.days[0].slice(0, 7)}`, label: "Month view" }],
      };
    case "day":
      return {
        title: formatDate(view.date),
        step: (where: string) => `/calendar?day=${where}`,
        others: [
          { to: `/calendar?view=week&date=${view.date}`, label: "Week view" },
          { to: `/calendar?month=${view.date.slice(0, 7)}`, label: "Month view" },
        ],
      };
  }
}

export default function CalendarPage() {
  const { view, today, month, loads, table, staffing, pinches, page, feedSince, setsBaseline } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const byDate = new Map(loads.map((l) => [l.date, l]));
  const staffingOn = new Map((staffing ?? []).map((s) => [s.date, s]));
  const { title, step, others } = navigation(view, today);

  return (
    <InAppLinks>
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
        {others.map((o) => (
          <Link key={o.label} className="usa-button usa-button--unstyled" to={o.to}>
            {o.label}
          </Link>
        ))}
      </nav>
      <h2 data-testid="calendar-title">
        {title}
        {view.kind === "day" && view.date === today ? " (today)" : ""}
      </h2>
      {pinches === null ? (
        <p data-testid="no-baseline">
          No staffing baseline is set, so the calendar cannot tell which days are short of agents.{" "}
          {setsBaseline ? <Link to="/capacity/baseline">Set the staffing baseline</Link> : "An analyst sets it."}
        </p>
      ) : (
        <p data-testid="pinch-summary">
          {pinches === 0
            ? `No pinch points: the planned agents cover the combined calls every day of this ${view.kind}.`
            : `${pinches} ${pinches === 1 ? "pinch point" : "pinch points"} this ${view.kind}: ${pinches === 1 ? "a day" : "days"} the combined calls need more agents than are planned.`}{" "}
          {setsBaseline ? <Link to="/capacity/baseline">Staffing baseline</Link> : null}
        </p>
      )}

      {month ? (
        <>
          {/* The month's table, made by React on the server (calendar/monthGrid.server.tsx). */}
          <ServerMarkup name={MONTH_MARKUP} html={month.html} />
          {month.busy ? null : <p className="portal-month__none">Nothing is in effect this month.</p>}
        </>
      ) : null}
      {view.kind === "month" ? null : view.kind === "week" ? (
        <ol className="usa-list usa-list--unstyled" data-testid="calendar-week">
          {view.days.map((date) => {
            const load = byDate.get(date);
            return (
              <li key={date} className="margin-bottom-2" data-date={date}>
                <h3 className="margin-bottom-05">
                  <DateText date={date} />
                  {date === today ? " (today)" : ""}
                </h3>
                <StaffingNote staffing={staffingOn.get(date)} long />
                {load && hasActivity(load) ? (
                  <>
                    <Calls load={load} />
                    <InEffect load={load} />
                    <Entries load={load} />
                    <MoreLink load={load} />
                  </>
                ) : (
                  <p className="margin-y-05">Nothing in effect.</p>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <div data-date={view.date}>
          <Calls load={loads[0]} />
          <StaffingNote staffing={staffingOn.get(view.date)} long />
          {loads[0].inEffect > 0 && page && table ? (
            <>
              <InEffect load={loads[0]} />
              <DayTable date={view.date} entries={table} page={page} />
            </>
          ) : (
            <p className="margin-y-05">Nothing in effect.</p>
          )}
        </div>
      )}

      <section aria-labelledby="feed-heading" className="margin-y-4">
        <h2 id="feed-heading">Subscribe in Outlook or another calendar</h2>
        <p>
          Your own secret address for a calendar of approved requests. Anyone with the address can read that calendar, so
          keep it to yourself. The portal keeps only a fingerprint of it, so it is shown once, when made.
        </p>
        {actionData?.feedUrl ? (
          <NewSecretAlert label="Your calendar address (any earlier one no longer works):" secret={actionData.feedUrl} testId="feed-url" />
        ) : null}
        {actionData?.revoked ? (
          <p role="status" data-testid="feed-revoked">
            Your calendar address was revoked. Calendars subscribed to it get nothing more.
          </p>
        ) : null}
        <p data-testid="feed-state">
          {feedSince ? (
            <>
              You have a calendar address, made on <DateText date={feedSince} />.
            </>
          ) : (
            "You have no calendar address."
          )}
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
    </InAppLinks>
  );
}
