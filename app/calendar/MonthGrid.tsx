// The capacity calendar's month (issues 5, 8 and 19): a table of whole weeks, each day with its
// calls, its staffing, how many requests are in effect and the first of them. Rendered to HTML on
// the server once for each data version (monthGrid.server.tsx), not by the page.
import type { DayStaffing } from "~/capacity/combinedStaffing";
import { isPinchPoint } from "~/capacity/combinedStaffing";
import { formatDate } from "~/format";
import { formatMonth } from "workflows/view";
import { hasActivity, type ListedLoad } from "./dayLoads";
import { Calls, Entries, InEffect, MoreLink } from "./DayParts";
import { StaffingNote } from "./StaffingNote";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export interface MonthGridProps {
  /** YYYY-MM. */
  month: string;
  weeks: string[][];
  today: string;
  loads: ListedLoad[];
  staffing: DayStaffing[] | null;
}

export function MonthGrid({ month, weeks, today, loads, staffing }: MonthGridProps) {
  const byDate = new Map(loads.map((l) => [l.date, l]));
  const staffingOn = new Map((staffing ?? []).map((s) => [s.date, s]));
  return (
    <table className="usa-table usa-table--borderless portal-month" data-testid="calendar-month">
      <caption className="usa-sr-only">Requests and projected extra calls by day, {formatMonth(month)}</caption>
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
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((date) => {
              const load = byDate.get(date);
              const day = staffingOn.get(date);
              const pinch = day !== undefined && isPinchPoint(day);
              const quiet = !pinch && (!load || !hasActivity(load));
              const classes = [
                date.slice(0, 7) === month ? "" : "portal-day--other",
                quiet ? "portal-day--quiet" : "",
                pinch ? "portal-day--pinch" : "",
              ].filter(Boolean);
              return (
                <td key={date} className={classes.join(" ") || undefined} data-date={date}>
                  <span className={`portal-day__number${date === today ? " portal-day--today" : ""}`} aria-hidden="true">
                    {Number(date.slice(8))}
                  </span>
                  {/* Read by screen readers; on a phone, where the month is a list of its busy days, shown. */}
                  <span className="portal-day__date">{date === today ? `${formatDate(date)} (today)` : formatDate(date)}</span>
                  {load ? (
                    <>
                      <Calls load={load} />
                      <StaffingNote staffing={day} long={false} />
                      <InEffect load={load} />
                      <Entries load={load} />
                      <MoreLink load={load} />
                    </>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
