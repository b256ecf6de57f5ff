// Sent by the clock to the requester and COM when the effective date came before approval.
import { requestTemplate } from "./request-email";

export const lapsed = requestTemplate((d) => ({
  summary: "lapsed",
  happened: `The effective date of the request "${d.title}" arrived before it was approved, so the request lapsed.`,
  next: "Nothing more can be done on this request. To go ahead, file a new request with a later effective date; you can copy this one.",
}));
