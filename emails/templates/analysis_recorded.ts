// To Finance (who must assess the fee) and the requester (who waits).
import { requestTemplate } from "./request-email";

export const analysisRecorded = requestTemplate((d) => ({
  summary: "call-volume analysis recorded",
  happened: `${d.actorLabel} recorded the 3-1-1 Contact Center's call-volume analysis for this request.`,
  next: "Finance assesses the fee, if any, for 3-1-1 to handle these calls. The requesting department need do nothing until the fee is assessed.",
}));
