// Shapes shared by the e-mail templates, the registry and the dispatcher.
import type { NotificationData, NotificationTemplate } from "workflows";

/** One rendered e-mail: every message carries both a plain-text and an HTML body (SPEC §7). */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** What a template needs besides its data: where links point, and whom to greet. */
export interface RenderContext {
  /** APP_URL without a trailing slash. */
  appUrl: string;
  /** Omitted when one message goes to several people; the greeting is then generic. */
  recipientName?: string;
}

/** One addressee of an outbox row, as stored in OutboxMessage.recipients. */
export interface Recipient {
  email: string;
  name: string;
}

/** Account e-mails carry an absolute link with a one-time token, built by the auth code. */
export interface InvitationData {
  name: string;
  link: string;
  /** False when the portal has no passwords (LOCAL_SIGN_IN=off): the person signs in at the county's provider. */
  choosesPassword: boolean;
}

export interface PasswordResetData {
  name: string;
  link: string;
  /** When the link stops working, as words that follow "expires", e.g. "on Wed, Nov 25, 2026, 3:40 PM" (app/format.ts formatInstant). */
  expires: string;
}

/** One day short of agents, in the weekly pinch-point e-mail (issue 19). */
export interface PinchPointDay {
  date: string;
  hour: number;
  needed: number;
  planned: number;
  shortfall: number;
}

/** The weekly pinch-point e-mail to the analysts and COM: the coming days short of agents. */
export interface PinchPointsData {
  from: string;
  to: string;
  days: PinchPointDay[];
}

export type AccountTemplate = "invitation" | "password_reset";
/** E-mails about the Center's capacity rather than one request (issue 19). */
export type CapacityTemplate = "pinch_points";
export type EmailTemplate = NotificationTemplate | AccountTemplate | CapacityTemplate;

export type EmailDataFor<T extends EmailTemplate> = T extends "invitation"
  ? InvitationData
  : T extends "password_reset"
    ? PasswordResetData
    : T extends "pinch_points"
      ? PinchPointsData
      : NotificationData;

export type Template<T extends EmailTemplate> = (data: EmailDataFor<T>, context: RenderContext) => EmailContent;
