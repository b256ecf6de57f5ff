// The iCalendar feed of approved requests (issue 5), for Outlook and other calendar apps to
// subscribe to. Each request is an all-day event over the days it is in effect; open-ended
// ones (permanent routing, automated response) are one all-day event on their first day.
// Each event's UID is the request's id, so an app updates, rather than duplicates, it.
import ical, { ICalCalendarMethod } from "ical-generator";
import { addCalendarDays } from "workflows";
import type { CalendarEntry } from "./dayLoads";
import { formatCount } from "../format";

// ical-generator writes an all-day date from the Date's parts in the server's own time zone,
// so the calendar date is built in that zone; at noon, since some zones skip midnight on the
// day daylight saving starts.
function day(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y, m - 1, d, 12);
}


export function icalFeed(entries: CalendarEntry[], options: { appUrl: string; timeZone: string }): string {
  const calendar = ical({
    name: "3-1-1 approved requests",
    description: "Approved 3-1-1 number use requests, from the 3-1-1 Number Use Portal",
    prodId: { company: "County 3-1-1", product: "Number Use Portal", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    timezone: options.timeZone,
    ttl: 60 * 60,
  });
  for (const entry of entries) {
    const total = entry.daily.reduce((s, d) => s + d.calls, 0);
    const calls = entry.daily.length > 0 ? `Projected extra calls: ${formatCount(total)}.` : "No call volume analysis.";
    const span = entry.to === null ? "Open-ended: in effect from this day on." : `In effect ${entry.from} to ${entry.to}.`;
    calendar.createEvent({
      id: entry.id,
      allDay: true,
      start: day(entry.from),
      // iCalendar all-day ends are exclusive: the day after the last day.
      end: day(addCalendarDays(entry.to ?? entry.from, 1)),
      summary: `3-1-1: ${entry.reference} ${entry.title} (${entry.department})`,
      description: `${span} ${calls}`,
      url: `${options.appUrl}/requests/${entry.id}`,
    });
  }
  return calendar.toString();
}
