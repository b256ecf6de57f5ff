// To the Contact Center's analysts (who must act) and the requester (who waits).
import { requestTemplate } from "./request-email";

export const analysisOrdered = requestTemplate((d) => ({
  summary: "call-volume analysis ordered",
  happened: `${d.actorLabel} asked the 3-1-1 Contact Center to analyse the call volume this request would bring.`,
  next: "A 3-1-1 Contact Center analyst records the analysis in the portal. The requesting department need do nothing for now.",
}));
