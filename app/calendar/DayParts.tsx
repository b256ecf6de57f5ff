// Pieces of the capacity calendar's days (issue 5): a day's calls, how many requests are in
// effect, the first few of them with a link to the rest, and the day view's page of them.
// Their links are plain: the page puts them in <InAppLinks> (components/InAppLinks.tsx). Words
// beside a number are one string: React marks each break between text parts in the HTML, and a
// month holds a few hundred of them.
import { Pagination } from "~/components/Pagination";
import { formatCount } from "~/format";
import { formatDate } from "~/format";
import type { DayEntry, DayLoad, ListedLoad } from "./dayLoads";
import type { PageSlice } from "~/paging";

export function Calls({ load }: { load: Pick<DayLoad, "approvedCalls" | "pendingCalls"> }) {
  if (load.approvedCalls === 0 && load.pendingCalls === 0) return null;
  return (
    <p className="portal-calls margin-y-05">
      <strong>{formatCount(load.approvedCalls)}</strong>
      {load.pendingCalls > 0 ? ` extra calls (+${formatCount(load.pendingCalls)} pending)` : " extra calls"}
    </p>
  );
}

export function InEffect({ load }: { load: Pick<DayLoad, "inEffect"> }) {
  if (load.inEffect === 0) return null;
  return (
    <p className="portal-calls margin-y-05" data-testid="in-effect">
      {`${formatCount(load.inEffect)} ${load.inEffect === 1 ? "request" : "requests"} in effect`}
    </p>
  );
}

function StatusTag({ entry }: { entry: Pick<DayEntry, "status"> }) {
  return (
    <span className={`usa-tag ${entry.status === "approved" ? "portal-tag--approved" : "portal-tag--pending"}`}>{entry.status}</span>
  );
}

/** The day's first requests, each with its title, and its department when sent (the week view has the room). */
export function Entries({ load }: { load: ListedLoad }) {
  if (load.entries.length === 0) return null;
  return (
    <ul className="usa-list usa-list--unstyled portal-day__entries">
      {load.entries.map((e) => (
        <li key={e.id}>
          <a href={`/requests/${e.id}`}>{e.reference}</a> <StatusTag entry={e} /> <span className="portal-day__title">{e.title}</span>
          {e.department === undefined ? null : ` (${e.department})`}
        </li>
      ))}
    </ul>
  );
}

/** "12 more", to the day view; the hidden date makes each day's link name its own. */
export function MoreLink({ load }: { load: ListedLoad }) {
  const more = load.inEffect - load.entries.length;
  if (more <= 0) return null;
  return (
    <a href={`/calendar?day=${load.date}`} className="portal-calls" data-testid="more">
      {`${formatCount(more)} more`}
      <span className="usa-sr-only">{` on ${formatDate(load.date)}`}</span>
    </a>
  );
}

/** One page of the requests in effect on a day, with links to the pages before and after. */
export function DayTable({ date, entries, page }: { date: string; entries: DayEntry[]; page: PageSlice }) {
  const title = formatDate(date);
  const pageLink = (n: number) => `/calendar?day=${date}&page=${n}`;
  return (
    <>
      <table className="usa-table usa-table--borderless usa-table--stacked width-full" data-testid="calendar-day">
        <caption>
          Requests in effect on {title}
          {page.pages > 1 ? `, page ${page.page} of ${page.pages}` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Title</th>
            <th scope="col">Department</th>
            <th scope="col">Status</th>
            <th scope="col" className="text-right">
              Projected calls that day
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <th scope="row" data-label="Reference">
                <a href={`/requests/${e.id}`}>{e.reference}</a>
              </th>
              <td data-label="Title">{e.title}</td>
              <td data-label="Department">{e.department}</td>
              <td data-label="Status">
                <StatusTag entry={e} />
              </td>
              <td data-label="Projected calls that day" className="text-right">
                {formatCount(e.calls)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination
        previous={page.page > 1 ? pageLink(page.page - 1) : null}
        next={page.page < page.pages ? pageLink(page.page + 1) : null}
      />
    </>
  );
}
