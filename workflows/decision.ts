// The machine's whole answer to one event: the next state and everything that follows from it
// (who acted and in which role, the audit text, the e-mails and their audiences, the deadlines,
// the columns kept beside the snapshot). The transition service only reads, asks and persists.
import { businessDaysBetween, businessStart, type BusinessCalendar } from "./businessDays";
import { send, type RequestSnapshot } from "./engine";
import type { RequestEvent } from "./events";
import { formatDate } from "./dates";
import { localDate } from "./notice";
import { notificationsFor, type Notification } from "./notifications";
import { nextReminderAt } from "./reminders";
import { actorLabel, roleUsed } from "./roles";
import { awaitsAction, OPEN_STATES } from "./stateGroups";
import { STATE_LABELS, type StateName } from "./states";
import { movesTask, taskHolders } from "./tasks";
import type { Fee, HeldRole } from "./types";

export interface Deadlines {
  /**
   * The task's reminder clock: `startsNow` when the step began a new task (the task columns
   * restart), and the next reminder (null: nobody to remind). Null leaves both as they were.
   */
  task: { startsNow: boolean; nextReminderAt: Date | null } | null;
  /** The clock lapses an open request on its effective date (SPEC §4). */
  lapseOn: string | null;
  /** …and completes an approved one after its end date. */
  completeOn: string | null;
}

/** What the e-mails of this step say, beside the request's own facts. */
export interface Message {
  stateLabel: string;
  effectiveDate: string | null;
  actorLabel: string;
  comment: string | null;
  feeAmount: number | null;
  /** For reminders: what waits, on whom, and since when. */
  task: string | null;
}

export interface Decision {
  ok: true;
  from: StateName;
  to: StateName;
  snapshot: RequestSnapshot;
  /** The role the actor used, acting or not (R3); null for none. */
  role: HeldRole | null;
  audit: {
    event: string;
    /** The entry's comment, given the names of the people the step's e-mails went to. */
    comment: (recipients: string[]) => string | null;
  };
  notifications: Notification[];
  message: Message;
  deadlines: Deadlines;
  /** The columns kept beside the snapshot for lists, access and the clock. */
  record: {
    partnerAtSubmission: boolean | null;
    firstSubmittedAt: Date | null;
    /** The local date of first submission (R7, R9). */
    firstSubmittedOn: string | null;
    /** Finance sees a request once it reaches fee assessment (SPEC §2); never unset. */
    reachedFeeAssessment: boolean;
    /** A draft or an open request: someone's task (see `awaitsAction`). */
    awaitsAction: boolean;
    /** The fee as the machine now holds it, for the Finance report and Finance's tasks; null for none. */
    fee: (Omit<Fee, "by" | "reason" | "at"> & { at: Date }) | null;
    /** When the current analysis was recorded, which finds its stored row; null when none counts (R13). */
    analysisAt: Date | null;
  };
}

export type Refusal = { ok: false; reason: string };

/** The comment a person wrote with the event, if any. */
function commentOf(event: RequestEvent): string | null {
  return "comment" in event && event.comment ? event.comment : null;
}

/** The audit entry's comment: what the person wrote, and for a fee's acceptance the account code to charge. */
function auditComment(event: RequestEvent): string | null {
  if (event.type !== "ACCEPT_FEE") return commentOf(event);
  const code = `Account code ${event.accountCode}`;
  return event.comment ? `${code}. ${event.comment}` : code;
}

/** "Screening by COM, waiting since Mon, Nov 30, 2026 (3 business days)": the reminder's account of the task. */
function taskText(state: StateName, since: Date, now: Date, calendar: BusinessCalendar): string {
  const start = businessStart(since, calendar);
  const days = businessDaysBetween(since, now, calendar);
  return `${STATE_LABELS[state]}, waiting since ${formatDate(localDate(start, calendar.timeZone))} (${days} business day${days === 1 ? "" : "s"})`;
}

/**
 * Decide one event. `holidays` are the county's (R19, read by the caller); business days are
 * counted in the request's time zone. A reminder also needs when its task began (`taskSince`,
 * a deadline column the machine does not keep).
 */
export function decide(
  snapshot: RequestSnapshot,
  event: RequestEvent,
  holidays: ReadonlySet<string>,
  taskSince: Date | null = null,
): Decision | Refusal {
  const result = send(snapshot, event);
  if (!result.ok) return result;
  const { from, to } = result;
  const ctx = result.snapshot.context;
  const calendar: BusinessCalendar = { timeZone: ctx.timeZone, holidays };
  const at = new Date(event.at);
  const role = roleUsed(event);
  const remind = event.type === "REMIND";
  const moved = movesTask(event.type, from, to);
  const holders = taskHolders(to, ctx);
  const reminderAfterNow = () =>
    holders.length > 0 ? nextReminderAt({ from: at, effectiveDate: ctx.effectiveDate, calendar }) : null;
  const comment = auditComment(event);

  return {
    ok: true,
    from,
    to,
    snapshot: result.snapshot,
    role,
    audit: remind
      ? { event: "REMINDER", comment: (names) => `Reminder sent to ${names.join(", ") || "nobody (no holder found)"}` }
      : { event: event.type, comment: () => comment },
    notifications: remind ? [{ template: "reminder", audience: holders }] : notificationsFor(event.type, from, to, moved),
    message: {
      stateLabel: STATE_LABELS[to],
      effectiveDate: ctx.effectiveDate,
      actorLabel: actorLabel(event.actor.name, role),
      comment: remind ? null : comment,
      feeAmount: ctx.fee?.amount ?? null,
      task: remind ? taskText(to, taskSince ?? at, at, calendar) : null,
    },
    deadlines: {
      task: moved || remind ? { startsNow: moved, nextReminderAt: reminderAfterNow() } : null,
      lapseOn: OPEN_STATES.includes(to) ? ctx.effectiveDate : null,
      completeOn: to === "approved" ? ctx.endDate : null,
    },
    record: {
      partnerAtSubmission: ctx.partnerAtSubmission,
      firstSubmittedAt: ctx.firstSubmittedAt ? new Date(ctx.firstSubmittedAt) : null,
      firstSubmittedOn: ctx.firstSubmittedAt ? localDate(ctx.firstSubmittedAt, ctx.timeZone) : null,
      reachedFeeAssessment: to === "feeAssessment",
      awaitsAction: awaitsAction(to),
      fee: ctx.fee && {
        status: ctx.fee.status,
        amount: ctx.fee.amount,
        suggested: ctx.fee.suggested,
        scheduleVersion: ctx.fee.scheduleVersion,
        accountCode: ctx.fee.accountCode,
        at: new Date(ctx.fee.at),
      },
      analysisAt: ctx.analysis ? new Date(ctx.analysis.at) : null,
    },
  };
}
