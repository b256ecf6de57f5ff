// Home's tasks: what waits on the person, the fewest days left first. Made on the server, once for
// the same tasks (http/serverMarkup.server.ts); its plain links are followed in the page by the
// InAppLinks around it.
import { DateText } from "./DateText";

/** Its name among the markups a page is sent once (components/ServerMarkup.tsx). */
export const TASKS_MARKUP = "my-tasks";

export interface ShownTask {
  id: string;
  reference: string;
  title: string;
  stateLabel: string;
  effectiveDate: string | null;
  daysLeft: number | null;
  /** What the person is to do, in their words. */
  todo: string;
}

export function TaskTable({ tasks }: { tasks: ShownTask[] }) {
  return (
    <table className="usa-table usa-table--borderless usa-table--stacked width-full" data-testid="tasks">
      <caption className="usa-sr-only">Requests waiting on you, the fewest days left first</caption>
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col">Status</th>
          <th scope="col">To do</th>
          <th scope="col">Effective date</th>
          <th scope="col">Days left</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((t) => (
          <tr key={t.id}>
            <th scope="row" data-label="Request">
              <a href={`/requests/${t.id}`}>{`${t.reference}: ${t.title || "(no title yet)"}`}</a>
            </th>
            <td data-label="Status">{t.stateLabel}</td>
            <td data-label="To do">{t.todo}</td>
            <td data-label="Effective date">{t.effectiveDate ? <DateText date={t.effectiveDate} /> : "—"}</td>
            <td data-label="Days left" className={t.daysLeft !== null && t.daysLeft <= 3 ? "portal-days--urgent" : undefined}>
              {t.daysLeft === null ? "—" : t.daysLeft <= 3 ? `${t.daysLeft} (soon)` : t.daysLeft}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
