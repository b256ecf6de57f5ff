// The registry: one template per notification in SPEC §7, plus the account e-mails.
import { NOTIFICATION_TEMPLATES } from "workflows";
import { analysisOrdered } from "./templates/analysis_ordered";
import { analysisRecorded } from "./templates/analysis_recorded";
import { approved } from "./templates/approved";
import { cancelled } from "./templates/cancelled";
import { changesRequested } from "./templates/changes_requested";
import { completed } from "./templates/completed";
import { decisionNeeded } from "./templates/decision_needed";
import { feeAccepted } from "./templates/fee_accepted";
import { feeAssessed } from "./templates/fee_assessed";
import { feeDisputed } from "./templates/fee_disputed";
import { invitation } from "./templates/invitation";
import { lapsed } from "./templates/lapsed";
import { passwordReset } from "./templates/password_reset";
import { pinchPoints } from "./templates/pinch_points";
import { rejected } from "./templates/rejected";
import { reminder } from "./templates/reminder";
import { resubmitted } from "./templates/resubmitted";
import { submissionReceived } from "./templates/submission_received";
import { submitted } from "./templates/submitted";
import { withdrawn } from "./templates/withdrawn";
import type { AccountTemplate, EmailContent, EmailDataFor, EmailTemplate, RenderContext, Template } from "./types";

// A mapped type, so adding a notification to workflows/notifications.ts fails the type check
// here until it has a template.
const TEMPLATES: { [T in EmailTemplate]: Template<T> } = {
  submitted,
  submission_received: submissionReceived,
  analysis_ordered: analysisOrdered,
  analysis_recorded: analysisRecorded,
  fee_assessed: feeAssessed,
  fee_accepted: feeAccepted,
  fee_disputed: feeDisputed,
  changes_requested: changesRequested,
  resubmitted,
  decision_needed: decisionNeeded,
  approved,
  rejected,
  withdrawn,
  cancelled,
  lapsed,
  completed,
  reminder,
  invitation,
  password_reset: passwordReset,
  pinch_points: pinchPoints,
};

export const EMAIL_TEMPLATES: readonly EmailTemplate[] = [...NOTIFICATION_TEMPLATES, "invitation", "password_reset", "pinch_points"];

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(TEMPLATES, name);
}

export function isAccountTemplate(name: string): name is AccountTemplate {
  return name === "invitation" || name === "password_reset";
}

export function renderEmail<T extends EmailTemplate>(template: T, data: EmailDataFor<T>, context: RenderContext): EmailContent {
  // TypeScript cannot correlate TEMPLATES[T] with EmailDataFor<T>; the mapped type above does.
  const render = TEMPLATES[template] as Template<T>;
  return render(data, context);
}
