// To Finance, who must look at the fee again.
import { requestTemplate } from "./request-email";

export const feeDisputed = requestTemplate((d) => ({
  summary: "fee disputed",
  happened: `${d.actorLabel} disputed the fee assessed for this request${d.comment ? "; the reason is in the comment below" : ""}.`,
  next: "Finance reviews the dispute and assesses the fee again in the portal.",
}));
