// A date or an instant as people read it, with the ISO form for machines (<time datetime>).
// One format everywhere ("Thu, Dec 10, 2026"); it never wraps inside a table cell.
import { formatDate, formatInstant } from "~/format";

export function DateText({ date }: { date: string }) {
  return (
    <time dateTime={date} className="portal-date">
      {formatDate(date)}
    </time>
  );
}

export function InstantText({ at, timeZone }: { at: string; timeZone: string }) {
  return (
    <time dateTime={at} className="portal-date">
      {formatInstant(at, timeZone)}
    </time>
  );
}
