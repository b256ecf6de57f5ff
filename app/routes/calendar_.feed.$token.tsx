// The iCalendar feed (issue 5) at /calendar/feed/<token>.ics: calendar apps fetch it without a
// session, so the secret token is the credential. An unknown or revoked token, or a person who
// no longer may use the calendar, gets 404 and learns nothing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarEntries } from "~/calendar/capacity.server";
import { capacityRoles } from "~/calendar/capacityRoles";
import { feedOwnerRoles } from "~/calendar/feedTokens.server";
import { icalFeed } from "~/calendar/icalFeed.server";
import { db } from "~/db.server";
import { getSettings } from "~/settings.server";
import { addCalendarDays, localDate } from "workflows/view";

/** How far back and ahead the feed reaches. */
const PAST_DAYS = 90;
const FUTURE_DAYS = 400;

export async function loader({ params }: LoaderFunctionArgs) {
  const { timeZone, appUrl } = getSettings();
  const today = localDate(new Date(), timeZone);
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const roles = await feedOwnerRoles(db, token, today);
  if (!roles || !roles.some((r) => capacityRoles.includes(r.role))) throw new Response("Not found", { status: 404 });
  const entries = await calendarEntries(db, { first: addCalendarDays(today, -PAST_DAYS), last: addCalendarDays(today, FUTURE_DAYS) });
  return new Response(icalFeed(entries.filter((e) => e.status === "approved"), { appUrl, timeZone }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="311-approved-requests.ics"',
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
