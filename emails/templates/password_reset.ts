// To a user who asked to reset a forgotten password.
import { PORTAL_NAME } from "../layout";
import type { PasswordResetData, RenderContext } from "../types";
import { accountEmail } from "./account-email";

export function passwordReset(data: PasswordResetData, _context: RenderContext) {
  return accountEmail({
    summary: "reset your password",
    name: data.name,
    happened: `Someone asked to reset the password of your account in the ${PORTAL_NAME}.`,
    next: `Choose a new password with the link below. The link works once and expires ${data.expires}.`,
    link: data.link,
    linkLabel: `Choose a new password for the ${PORTAL_NAME}`,
    footer: "If you did not ask for this, ignore this e-mail: your password stays the same. Replies to this address are not read.",
  });
}
