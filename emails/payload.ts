// Validates what an outbox row carries before it is rendered: rows are written by other code
// (and possibly older versions of it), so a bad row must fail alone, not stop the dispatcher.
import { z } from "zod";
import type { NotificationData } from "workflows";
import { isEmailTemplate } from "./render";
import type { EmailDataFor, EmailTemplate, InvitationData, PasswordResetData, PinchPointsData, Recipient } from "./types";

const recipients = z
  .array(z.object({ email: z.email(), name: z.string() }))
  .min(1) satisfies z.ZodType<Recipient[]>;

const notificationData = z.object({
  requestId: z.string().min(1),
  reference: z.string().min(1),
  title: z.string(),
  departmentName: z.string(),
  stateLabel: z.string(),
  effectiveDate: z.string().nullable(),
  actorLabel: z.string(),
  comment: z.string().nullable(),
  feeAmount: z.number().nullable(),
  task: z.string().nullable(),
}) satisfies z.ZodType<NotificationData>;

const link = z.url({ protocol: /^https?$/ });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);
const pinchPointsData = z.object({
  from: date,
  to: date,
  days: z.array(z.object({ date, hour: z.number().int().min(0).max(23), needed: count, planned: count, shortfall: count })).min(1),
}) satisfies z.ZodType<PinchPointsData>;
const passwordResetData = z.object({ name: z.string(), link, expires: z.string().min(1) }) satisfies z.ZodType<PasswordResetData>;

/** Makes an account e-mail's one-time link from what the outbox keeps instead of it. */
export interface AccountLinks {
  invitation(invitationId: string): string;
}

/** An invitation is queued by its id, never its link (issue 15, item 5): the link is made as it is sent. */
const invitationData = (links: AccountLinks) =>
  z
    .object({ name: z.string(), invitationId: z.string().min(1), choosesPassword: z.boolean().default(true) })
    .transform((d): InvitationData => ({ name: d.name, link: links.invitation(d.invitationId), choosesPassword: d.choosesPassword }));

function dataSchema(template: EmailTemplate, links: AccountLinks): z.ZodType<EmailDataFor<EmailTemplate>> {
  if (template === "invitation") return invitationData(links) as z.ZodType<InvitationData>;
  if (template === "password_reset") return passwordResetData;
  if (template === "pinch_points") return pinchPointsData;
  return notificationData;
}

export interface OutboxPayload {
  template: EmailTemplate;
  data: EmailDataFor<EmailTemplate>;
  recipients: Recipient[];
}

/** A row that can never be sent; retrying it would not help. */
export class PayloadError extends Error {
  override name = "PayloadError";
}

function parseJson(label: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadError(`${label} is not JSON`);
  }
}

export function parseOutboxPayload(row: { template: string; recipients: string; data: string }, links: AccountLinks): OutboxPayload {
  if (!isEmailTemplate(row.template)) throw new PayloadError(`unknown template "${row.template}"`);
  const parsedRecipients = recipients.safeParse(parseJson("recipients", row.recipients));
  if (!parsedRecipients.success) throw new PayloadError(`recipients are invalid: ${z.prettifyError(parsedRecipients.error)}`);
  const parsedData = dataSchema(row.template, links).safeParse(parseJson("data", row.data));
  if (!parsedData.success) throw new PayloadError(`data for "${row.template}" is invalid: ${z.prettifyError(parsedData.error)}`);
  return { template: row.template, data: parsedData.data, recipients: parsedRecipients.data };
}
