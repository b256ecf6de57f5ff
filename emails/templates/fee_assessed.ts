// To the requester, who must accept, dispute or decline the fee.
import { formatFee, requestTemplate } from "./request-email";

export const feeAssessed = requestTemplate((d) => ({
  summary: "fee assessed",
  happened: `${d.actorLabel} assessed a fee${d.feeAmount === null ? "" : ` of ${formatFee(d.feeAmount)}`} for 3-1-1 to handle the calls this request would bring.`,
  next: "Open the request and accept the fee, dispute it, or decline it. Declining withdraws the request. The request does not move forward until you answer.",
}));
