// To a new user an administrator added: set a password to start.
import { PORTAL_NAME } from "../layout";
import type { InvitationData, RenderContext } from "../types";
import { accountEmail } from "./account-email";

export function invitation(data: InvitationData, _context: RenderContext) {
  return accountEmail({
    summary: "your account is ready",
    name: data.name,
    happened: `An administrator created an account for you in the ${PORTAL_NAME}, where county departments ask to use the 3-1-1 number.`,
    next: "Choose your password with the link below; the link works once. Then sign in with this e-mail address.",
    link: data.link,
    linkLabel: `Choose your password for the ${PORTAL_NAME}`,
    footer: "If you did not expect this e-mail, you can ignore it. Replies to this address are not read.",
  });
}
