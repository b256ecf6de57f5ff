// R4–R6 in plain words: what each type of request is for, for people choosing one.
import type { RequestType } from "workflows/view";

export const TYPE_EXPLANATIONS: Record<RequestType, string> = {
  materials:
    "You will print 3-1-1 on new materials that tell residents to call 3-1-1: a mailing, flyers, a web page, social media posts, an event, or a call-out.",
  call_routing:
    "Calls to one of your department's lines or units (a new section, a special event or initiative) will be sent to 3-1-1 and answered by 3-1-1 Call Specialists.",
  automated_response:
    "Calls that 3-1-1 transfers to your department will go to an automated response system (IVR). Open to 3-1-1 partner departments only.",
};
