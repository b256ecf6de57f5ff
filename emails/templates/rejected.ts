// To the requester: the request ends here.
import { requestTemplate } from "./request-email";

export const rejected = requestTemplate((d) => ({
  summary: "rejected",
  happened: `${d.actorLabel} rejected the request "${d.title}"${d.comment ? "; the reason is in the comment below" : ""}.`,
  next: "Nothing more can be done on this request. The department may file a new request that answers the reason given. The rejection letter (PDF) is attached, and on the request's page.",
}));
