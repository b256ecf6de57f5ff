// To Finance: the department accepted the fee, with the account code to charge (SPEC §6).
import { requestTemplate } from "./request-email";

export const feeAccepted = requestTemplate((d) => ({
  summary: "fee accepted",
  happened: `${d.actorLabel} accepted the fee assessed for this request.${d.comment ? ` ${d.comment}.` : ""}`,
  next: "Charge the fee to the account code by interdepartmental transfer. The request now goes to COM for the decision.",
}));
