// The common shape of account e-mails (invitation, password reset): no request, so the subject
// names the portal, and the link carries a one-time token the auth code made.
import { composeEmail, PORTAL_NAME } from "../layout";
import type { EmailContent } from "../types";

export interface AccountMessage {
  summary: string;
  name: string;
  happened: string;
  next: string;
  link: string;
  linkLabel: string;
  footer: string;
}

export function accountEmail(message: AccountMessage): EmailContent {
  return composeEmail({
    subject: `${PORTAL_NAME}: ${message.summary}`,
    heading: message.summary.charAt(0).toUpperCase() + message.summary.slice(1),
    recipientName: message.name,
    paragraphs: [message.happened],
    facts: [],
    next: message.next,
    action: { href: message.link, label: message.linkLabel },
    footer: message.footer,
  });
}
