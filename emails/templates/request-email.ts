// The common shape of every request notification (SPEC §7): the reference first in the subject,
// what happened, the request's key facts, what the reader must do next, and a deep link.
import { formatDate, type NotificationData } from "workflows";
import { composeEmail, PORTAL_NAME } from "../layout";
import type { EmailContent, RenderContext } from "../types";

/** The part each template writes; the rest is the same for every request e-mail. */
export interface RequestMessage {
  /** Follows the reference in the subject, e.g. "changes requested". */
  summary: string;
  happened: string;
  next: string;
}

export function requestLink(appUrl: string, requestId: string): string {
  return `${appUrl}/requests/${encodeURIComponent(requestId)}`;
}

export function formatFee(dollars: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(dollars);
}

function facts(data: NotificationData): Array<[string, string]> {
  const rows: Array<[string, string | null]> = [
    ["Request", data.title],
    ["Department", data.departmentName],
    ["Status", data.stateLabel],
    ["Effective date", data.effectiveDate && formatDate(data.effectiveDate)],
    ["Fee", data.feeAmount === null ? null : formatFee(data.feeAmount)],
    ["By", data.actorLabel],
    ["Comment", data.comment],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null && row[1] !== "");
}

/** Build a template from the part that differs per notification. */
export function requestTemplate(write: (data: NotificationData) => RequestMessage) {
  return (data: NotificationData, context: RenderContext): EmailContent => {
    const message = write(data);
    return composeEmail({
      subject: `${data.reference}: ${message.summary}`,
      heading: `Request ${data.reference}: ${message.summary}`,
      recipientName: context.recipientName,
      paragraphs: [message.happened],
      facts: facts(data),
      next: message.next,
      action: {
        href: requestLink(context.appUrl, data.requestId),
        label: `Open request ${data.reference} in the ${PORTAL_NAME}`,
      },
      footer: `You receive this e-mail because of your part in request ${data.reference} in the ${PORTAL_NAME}. Replies to this address are not read.`,
    });
  };
}
