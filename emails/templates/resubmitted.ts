// To the COM reviewers (who review again) and the requester (confirmation).
import { requestTemplate } from "./request-email";

export const resubmitted = requestTemplate((d) => ({
  summary: "resubmitted after changes",
  happened: `${d.actorLabel} changed and resubmitted the ${d.departmentName} request "${d.title}".`,
  next: "The Communications Director or Assistant Director reviews the changed request. The requesting department need do nothing for now.",
}));
