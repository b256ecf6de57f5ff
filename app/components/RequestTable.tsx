// A table of requests: reference, title, department, type, state, effective date, and
// optionally what happens next (for department staff who rarely use the portal). A page of rows,
// each a plain link followed in the page (InAppLinks.tsx). Made on the server, once for the same
// rows, and sent once (http/serverMarkup.server.ts, decision 0038).
import { DateText } from "./DateText";
import { InAppLinks } from "./InAppLinks";
import { ServerMarkup } from "./ServerMarkup";
import { NEXT_STEP } from "~/requests/progress";
import type { RequestListRow } from "~/requests/queries.server";
import { isStateName, STATE_LABELS, type StateName, REQUEST_TYPE_LABELS, type RequestType } from "workflows/view";

/** The table as the page shows it: the server's markup (`name`), its links followed in the page. */
export function RequestTable({ name, html }: { name: string; html: string | null }) {
  return (
    <InAppLinks>
      <ServerMarkup name={name} html={html} />
    </InAppLinks>
  );
}

export function RequestRows({ rows, caption, showNextStep = false }: { rows: RequestListRow[]; caption: string; showNextStep?: boolean }) {
  return (
    <table className="usa-table usa-table--borderless usa-table--stacked width-full" data-testid="request-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">Title</th>
          <th scope="col">Department</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Effective date</th>
          {showNextStep ? <th scope="col">What happens next</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row" data-label="Reference">
              <a href={`/requests/${r.id}`}>{r.reference}</a>
            </th>
            <td data-label="Title">{r.title || "(no title yet)"}</td>
            <td data-label="Department">{r.department.name}</td>
            <td data-label="Type">{REQUEST_TYPE_LABELS[r.type as RequestType] ?? r.type}</td>
            <td data-label="Status">{STATE_LABELS[r.state as StateName] ?? r.state}</td>
            <td data-label="Effective date">{r.effectiveDate ? <DateText date={r.effectiveDate} /> : "—"}</td>
            {showNextStep ? <td data-label="What happens next">{isStateName(r.state) ? NEXT_STEP[r.state] : ""}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
