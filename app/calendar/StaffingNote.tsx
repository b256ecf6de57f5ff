// A day's combined staffing on the capacity calendar (issue 19): a pinch point says so in words
// (a tag and how many agents short, at which hour), never by colour alone; a day short only if
// the pending requests are approved says that; the day view also says when the plan covers it.
import type { DayStaffing } from "~/capacity/combinedStaffing";
import { hourLabel } from "~/capacity/baseline";
import { formatCount } from "~/format";

const agents = (n: number) => `${formatCount(n)} agent${n === 1 ? "" : "s"}`;

export function StaffingNote({ staffing, long }: { staffing: DayStaffing | undefined; long: boolean }) {
  if (!staffing) return null;
  if (staffing.shortfall > 0) {
    return (
      <p className="portal-calls margin-y-05" data-testid="pinch-point">
        <span className="usa-tag portal-tag--pinch">Pinch point</span>
        {long
          ? ` ${agents(staffing.shortfall)} short at ${hourLabel(staffing.hour)}: ${formatCount(staffing.needed)} needed for ${formatCount(Math.round(staffing.calls))} calls, ${formatCount(staffing.planned)} planned`
          : ` ${agents(staffing.shortfall)} short`}
      </p>
    );
  }
  if (staffing.shortfallWithPending > 0) {
    return (
      <p className="portal-calls margin-y-05" data-testid="pinch-if-approved">
        {`${agents(staffing.shortfallWithPending)} short if the pending requests are approved`}
      </p>
    );
  }
  if (!long || staffing.needed === 0) return null;
  return (
    <p className="portal-calls margin-y-05" data-testid="staffed">
      {`Covered: ${formatCount(staffing.needed)} agents needed at the busiest hour (${hourLabel(staffing.hour)}), ${formatCount(staffing.planned)} planned`}
    </p>
  );
}
