// A request's history as its page shows it: the latest entries, or all of them, oldest first.
// Made on the server, once for the same entries (http/serverMarkup.server.ts).
import type { ShownInstant } from "~/format";
import { InstantText } from "./DateText";

/** Its name among the markups a page is sent once (components/ServerMarkup.tsx). */
export const HISTORY_MARKUP = "request-history";

export interface HistoryEntry {
  id: number;
  at: ShownInstant;
  who: string;
  event: string;
  /** The states' labels, as the page names them. */
  from: string | null;
  to: string | null;
  comment: string | null;
}

export function RequestHistory({ entries, total }: { entries: HistoryEntry[]; total: number }) {
  return (
    <table className="usa-table usa-table--borderless usa-table--stacked">
      <caption className="usa-sr-only">
        {entries.length < total ? "The latest things" : "Everything"} that happened to this request, oldest first
      </caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Comment</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((a) => (
          <tr key={a.id}>
            <td data-label="When">
              <InstantText at={a.at} />
            </td>
            <td data-label="Who">{a.who}</td>
            <td data-label="What">{describe(a)}</td>
            <td data-label="Comment">{a.comment}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What a history entry did, in words. */
function describe(a: { event: string; from: string | null; to: string | null }) {
  if (a.event === "CREATE") return "Started the draft";
  if (a.event === "COPY") return "Started the draft as a copy";
  if (a.event === "EDIT") return "Edited the request";
  if (a.event === "ATTACH") return "Attached a file";
  if (a.event === "REMOVE_ATTACHMENT") return "Deleted a file from the draft";
  if (a.event === "WITHDRAW_ATTACHMENT") return "Withdrew a file";
  if (a.event === "APPROVE") return a.to === "Approved" ? "Signed off: approved" : "Signed off";
  return a.from === a.to ? a.event : `${a.from} → ${a.to}`;
}
