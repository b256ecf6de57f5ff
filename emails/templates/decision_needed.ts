// To the COM reviewers: analysis and fee steps are done, a decision is due.
import { requestTemplate } from "./request-email";

export const decisionNeeded = requestTemplate((d) => ({
  summary: "decision needed",
  happened: `The request "${d.title}" from ${d.departmentName} is ready for a decision (last step by ${d.actorLabel}).`,
  next: "The Communications Director or Assistant Director approves or rejects the request, or asks the department for changes.",
}));
