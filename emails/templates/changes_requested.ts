// To the requester, who must edit and resubmit.
import { requestTemplate } from "./request-email";

export const changesRequested = requestTemplate((d) => ({
  summary: "changes requested",
  happened: `${d.actorLabel} asked for changes to the request "${d.title}"${d.comment ? "; what to change is in the comment below" : ""}.`,
  next: "Edit the request as asked and resubmit it in the portal. It does not move forward until you resubmit it.",
}));
