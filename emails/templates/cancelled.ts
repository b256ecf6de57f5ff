// To everyone working on the request, including the Contact Center if it was preparing.
import { requestTemplate } from "./request-email";

export const cancelled = requestTemplate((d) => ({
  summary: "cancelled",
  happened: `${d.actorLabel} cancelled the ${d.departmentName} request "${d.title}".`,
  next: "Nothing more is needed. The 3-1-1 Contact Center does not change its schedules for this request. The request stays in the portal as a record.",
}));
