// Sent by the clock to the requester when a temporary request's end date has passed.
import { requestTemplate } from "./request-email";

export const completed = requestTemplate((d) => ({
  summary: "completed",
  happened: `The end date of the temporary request "${d.title}" has passed, so the request is complete.`,
  next: "Nothing is needed from you. If the department needs 3-1-1 again, file a new request; you can copy this one.",
}));
