// The weekly e-mail to the analysts and COM (issue 19): the coming two weeks' pinch points, the
// days on which the combined calls of the baseline and the requests in effect need more agents
// than are planned. Sent by the clock on Mondays, only when there is a day to name.
import { formatDate } from "workflows";
import { hourLabel } from "../../app/capacity/baseline";
import { composeEmail, PORTAL_NAME } from "../layout";
import type { EmailContent, PinchPointsData, RenderContext } from "../types";

const agents = (n: number) => `${n} agent${n === 1 ? "" : "s"}`;

export function pinchPoints(data: PinchPointsData, context: RenderContext): EmailContent {
  const n = data.days.length;
  const summary = `${n} ${n === 1 ? "pinch point" : "pinch points"} from ${formatDate(data.from)} to ${formatDate(data.to)}`;
  return composeEmail({
    subject: `${PORTAL_NAME}: ${summary}`,
    heading: summary.charAt(0).toUpperCase() + summary.slice(1),
    recipientName: context.recipientName,
    paragraphs: [
      `On ${n === 1 ? "this day" : "these days"} the Contact Center's normal calls and the projected calls of the approved requests in effect need more agents than the staffing baseline plans, at the hour shown.`,
    ],
    facts: data.days.map((d) => [
      formatDate(d.date),
      `${agents(d.shortfall)} short at ${hourLabel(d.hour)} (${d.needed} needed, ${d.planned} planned)`,
    ]),
    next: "Adjust the schedule for these days, or ask the departments to move their dates. The capacity calendar shows each day's requests.",
    action: { href: `${context.appUrl}/calendar?view=week&date=${data.from}`, label: "Open the capacity calendar" },
    footer: "You get this e-mail each Monday there are pinch points in the coming two weeks, as an analyst or COM reviewer.",
  });
}
