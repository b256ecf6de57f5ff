// Demo requests in every part of the procedure, made through the real transition service
// so that their snapshots, audit trails and references are what the portal itself makes.
import { currentUserByEmail } from "../app/auth/session.server";
import type { PrismaClient } from "../app/db.server";
import { columnsOf } from "../app/requests/answers";
import { createDraft } from "../app/requests/drafts.server";
import { type RequestAnswers, addCalendarDays, localDate } from "workflows";
import { transition, type EventPayload } from "../app/requests/transition.server";

interface DemoRequest {
  by: string;
  answers: (effective: (days: number) => string) => RequestAnswers;
  steps: Array<[string, EventPayload]>;
}

const PARTNER = "requester.partner@example.gov";
const NON_PARTNER = "requester.nonpartner@example.gov";
const contact = { contactName: "Pat Partner", contactPhone: "240-777-0311" };

const DEMO: DemoRequest[] = [
  {
    by: PARTNER,
    answers: (d) => ({
      type: "materials",
      title: "Leaf collection postcard",
      description: "Postcards to every household announcing the leaf collection schedule, with 3-1-1 for questions.",
      effectiveDate: d(21),
      endDate: d(28),
      materialsKind: "mailing",
      audienceSize: "85000",
      languages: "English, Spanish",
      ...contact,
    }),
    steps: [[PARTNER, { type: "SUBMIT" }]],
  },
  {
    by: PARTNER,
    answers: (d) => ({
      type: "call_routing",
      title: "Snow plow hotline routed to 3-1-1",
      description: "Route the seasonal snow plow line to 3-1-1 for the winter.",
      effectiveDate: d(30),
      endDate: d(120),
      unitOrLine: "Snow operations line 240-777-7669",
      callsPerMonth: "1800",
      routing: "temporary",
      ...contact,
    }),
    steps: [
      [PARTNER, { type: "SUBMIT" }],
      ["director@example.gov", { type: "ORDER_ANALYSIS" }],
    ],
  },
  {
    by: NON_PARTNER,
    answers: (d) => ({
      type: "materials",
      title: "Summer reading flyer",
      description: "Flyers in branches pointing to 3-1-1 for program hours.",
      effectiveDate: d(25),
      endDate: d(55),
      materialsKind: "print",
      audienceSize: "12000",
      languages: "English",
      contactName: "Noel Nonpartner",
      contactPhone: "240-777-0002",
    }),
    steps: [
      [NON_PARTNER, { type: "SUBMIT" }],
      ["assistant.director@example.gov", { type: "REQUEST_CHANGES", comment: "Please say which branches will carry the flyer." }],
    ],
  },
  {
    by: PARTNER,
    answers: (d) => ({
      type: "automated_response",
      title: "Bulk trash pickup IVR",
      description: "Calls about bulk trash pickups transferred from 3-1-1 to the scheduling IVR.",
      effectiveDate: d(15),
      systemName: "DPW scheduling IVR",
      ...contact,
    }),
    steps: [
      [PARTNER, { type: "SUBMIT" }],
      ["director@example.gov", { type: "NO_ANALYSIS" }],
      ["director@example.gov", { type: "APPROVE", slot: "director" }],
    ],
  },
  {
    by: PARTNER,
    answers: (d) => ({
      type: "materials",
      title: "Road resurfacing door hangers",
      description: "Door hangers on streets to be resurfaced, with 3-1-1 for questions.",
      effectiveDate: d(10),
      endDate: d(12),
      materialsKind: "print",
      audienceSize: "3000",
      languages: "English, Spanish, French",
      ...contact,
    }),
    steps: [
      [PARTNER, { type: "SUBMIT" }],
      ["assistant.director@example.gov", { type: "NO_ANALYSIS" }],
      ["director@example.gov", { type: "APPROVE", slot: "director" }],
      ["assistant.director@example.gov", { type: "APPROVE", slot: "assistantDirector" }],
    ],
  },
  {
    by: NON_PARTNER,
    answers: () => ({
      type: "call_routing",
      title: "Library card renewals line",
      description: "Route the card renewals line to 3-1-1 permanently.",
      effectiveDate: "",
      unitOrLine: "Card services",
      callsPerMonth: "400",
      routing: "permanent",
      contactName: "Noel Nonpartner",
      contactPhone: "240-777-0002",
    }),
    steps: [],
  },
];

/** Creates the demo requests; their e-mails are history, not news, so none is queued. */
export async function seedDemoRequests(db: PrismaClient, now: Date, timeZone: string): Promise<number> {
  const today = localDate(now, timeZone);
  const effective = (days: number) => addCalendarDays(today, days);
  for (const demo of DEMO) {
    const user = await currentUserByEmail(db, demo.by, now, timeZone);
    const { id } = await createDraft(db, { user, columns: columnsOf(demo.answers(effective)), now, timeZone });
    for (const [email, event] of demo.steps) {
      const outcome = await transition(db, { request: id, by: await currentUserByEmail(db, email, now, timeZone), event, now, timeZone });
      if (!outcome.ok) throw new Error(`Demo request step ${event.type} refused: ${outcome.reason}`);
    }
  }
  await db.outboxMessage.deleteMany({});
  return DEMO.length;
}
