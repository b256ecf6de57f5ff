// To a new user an administrator added: set a password to start, or, when the portal has no
// passwords (LOCAL_SIGN_IN=off), sign in at the county's identity provider.
import { PORTAL_NAME } from "../layout";
import type { InvitationData, RenderContext } from "../types";
import { accountEmail } from "./account-email";

export function invitation(data: InvitationData, _context: RenderContext) {
  return accountEmail({
    summary: "your account is ready",
    name: data.name,
    happened: `An administrator created an account for you in the ${PORTAL_NAME}, where county departments ask to use the 3-1-1 number.`,
    ...(data.choosesPassword
      ? {
          next: "Choose your password with the link below; the link works once. Then sign in with this e-mail address.",
          linkLabel: `Choose your password for the ${PORTAL_NAME}`,
        }
      : {
          next: "Sign in with your county account (single sign-on) through the link below, using this e-mail address. You do not need a new password.",
          linkLabel: `Sign in to the ${PORTAL_NAME}`,
        }),
    link: data.link,
    footer: "If you did not expect this e-mail, you can ignore it. Replies to this address are not read.",
  });
}
