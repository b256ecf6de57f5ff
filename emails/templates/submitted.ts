// To the COM reviewers: a department filed a request. This e-mail is the department's
// written request to use 3-1-1 (SPEC §7).
import { requestTemplate } from "./request-email";

export const submitted = requestTemplate((d) => ({
  summary: "submitted for review",
  happened: `${d.actorLabel} submitted the ${d.departmentName} request "${d.title}". This e-mail is the department's written request to use the 3-1-1 number.`,
  next: "The Communications Director or Assistant Director reviews the request: order a call-volume analysis from the 3-1-1 Contact Center, move it to a decision, or ask the department for changes.",
}));
