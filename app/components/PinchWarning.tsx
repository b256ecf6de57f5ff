// The analysis form's warning (issue 19): the days a request's projected calls fall on that the
// Center is already short of agents, or would be with them, against the staffing baseline and
// every other request in effect.
import { Link } from "@remix-run/react";
import type { PinchWith } from "~/capacity/combinedStaffing";
import { formatCount, formatDate } from "~/format";

/** How many days the warning names; the calendar has the rest. */
const LISTED = 10;

const agents = (n: number) => `${formatCount(n)} agent${n === 1 ? "" : "s"}`;

export function PinchWarning({ pinches }: { pinches: PinchWith[] }) {
  if (pinches.length === 0) return null;
  return (
    <div className="usa-alert usa-alert--warning" data-testid="projection-pinches">
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading">
          Pinch points: {formatCount(pinches.length)} {pinches.length === 1 ? "day is" : "days are"} short of agents with this request
        </h3>
        <ul className="usa-list">
          {pinches.slice(0, LISTED).map((p) => (
            <li key={p.date}>
              <Link to={`/calendar?day=${p.date}`}>{formatDate(p.date)}</Link>:{" "}
              {p.before > 0 ? `already ${agents(p.before)} short, ${agents(p.after)} short with it` : `${agents(p.after)} short with it`}
            </li>
          ))}
        </ul>
        {pinches.length > LISTED ? <p className="usa-alert__text">And {formatCount(pinches.length - LISTED)} more days.</p> : null}
      </div>
    </div>
  );
}
