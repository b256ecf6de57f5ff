// A date or an instant as people read it, with the ISO form for machines (<time datetime>).
// One format everywhere ("Thu, Dec 10, 2026"); it never wraps inside a table cell.
import { formatDate, type ShownInstant } from "~/format";

export function DateText({ date }: { date: string }) {
  return (
    <time dateTime={date} className="portal-date">
      {formatDate(date)}
    </time>
  );
}

/** An instant as its loader wrote it for the county (`shownInstant`). */
export function InstantText({ at }: { at: ShownInstant }) {
  return (
    <time dateTime={at.iso} className="portal-date">
      {at.text}
    </time>
  );
}
