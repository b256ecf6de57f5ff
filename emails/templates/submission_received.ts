// To the requester: confirmation that the submission reached COM.
import { requestTemplate } from "./request-email";

export const submissionReceived = requestTemplate((d) => ({
  summary: "submission received",
  happened: `Your request "${d.title}" for ${d.departmentName} was submitted and is now with the Communications Director and Assistant Director.`,
  next: "Nothing is needed from you now. You will get an e-mail when a reviewer acts on the request or needs something from you.",
}));
