// Sent by the clock to whoever holds a task too long, or as the effective date nears.
import { formatDate } from "workflows";
import { requestTemplate } from "./request-email";

export const reminder = requestTemplate((d) => ({
  summary: "reminder, action needed",
  happened: `The request "${d.title}" needs your action${d.task ? ` (${d.task})` : ""}.${d.effectiveDate ? ` Its effective date is ${formatDate(d.effectiveDate)}.` : ""}`,
  next: "Please take the next step in the portal. If someone else in your role should handle it, let them know.",
}));
