// To the requester, the COM reviewers and the Contact Center, which adjusts its schedules.
import { requestTemplate } from "./request-email";

export const approved = requestTemplate((d) => ({
  summary: "approved",
  happened: `${d.actorLabel} approved the ${d.departmentName} request "${d.title}".`,
  next: "The department may use the 3-1-1 number as requested from the effective date. The 3-1-1 Contact Center adjusts its staff schedules and scripts for that date. The approval letter (PDF) is attached, and on the request's page.",
}));
