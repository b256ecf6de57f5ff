// To the COM reviewers (stop working on it) and the requester (confirmation).
import { requestTemplate } from "./request-email";

export const withdrawn = requestTemplate((d) => ({
  summary: "withdrawn",
  happened: `${d.actorLabel} withdrew the ${d.departmentName} request "${d.title}".`,
  next: "Nothing more is needed from anyone; reviewers can stop work on it. The request stays in the portal as a record.",
}));
