// A running portal with demo data for the page audits (`npm run lighthouse`, the screenshot
// check): a fresh SQLite file seeded with the demo accounts and requests, a session per role,
// the production server on 127.0.0.1 (bench/server.ts), and the list of pages to visit.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createInvitation } from "../app/admin/invitations.server";
import { sourceNamed, stageUpload } from "../app/actuals/callSources.server";
import { createPendingStore } from "../app/auth/sign-in-flow.server";
import { createSessionStore, currentUserByEmail } from "../app/auth/session.server";
import type { PrismaClient } from "../app/db.server";
import { loadSettings } from "../app/settings.server";
import { createBenchDb, removeDbFiles } from "../bench/database";
import { startServer } from "../bench/server";
import { ROOT, TIME_ZONE } from "../bench/util";
import { columnsOf } from "../app/requests/answers";
import { createDraft } from "../app/requests/drafts.server";
import { transition, type EventPayload } from "../app/requests/transition.server";
import { seedDemoRequests } from "../prisma/demo-requests";
import { addCalendarDays, localDate } from "workflows";
import { auditPages, DRAFT_TITLE, FEE_TITLE, ROLES, type AuditPage, type Role, type SiteFacts } from "./pages";
import { freePort } from "../tests/support/freePort";

export interface Site {
  origin: string;
  pages: AuditPage[];
  stop: () => Promise<void>;
}

/** A fixed secret on the enrolment page, so it looks the same on every run. */
const ENROL_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** A complete call-routing request by the partner requester, taken through the given steps. */
async function addRequest(db: PrismaClient, now: Date, title: string, steps: Array<[string, EventPayload]>): Promise<void> {
  const by = await currentUserByEmail(db, ROLES.requester, now, TIME_ZONE);
  const columns = columnsOf({
    type: "call_routing",
    title,
    description: "Route the department's reporting line to 311.",
    effectiveDate: addCalendarDays(localDate(now, TIME_ZONE), 45),
    unitOrLine: "Reporting line 240-777-0100",
    callsPerMonth: "600",
    routing: "permanent",
    contactName: "Pat Partner",
    contactPhone: "240-777-0311",
  });
  const { id } = await createDraft(db, { user: by, columns, now, timeZone: TIME_ZONE });
  for (const [email, event] of steps) {
    const outcome = await transition(db, { request: id, by: await currentUserByEmail(db, email, now, TIME_ZONE), event, now, timeZone: TIME_ZONE });
    if (!outcome.ok) throw new Error(`${title}: ${event.type} refused: ${outcome.reason}`);
  }
}

/** Starts the portal on an empty port (the build must exist: `npm run build`). */
export async function startSite(now = new Date()): Promise<Site> {
  const port = await freePort();
  const env = {
    NODE_ENV: "production",
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    AUDIT_KEY: randomBytes(32).toString("base64url"),
    APP_URL: `http://127.0.0.1:${port}`,
    PORTAL_TIME_ZONE: TIME_ZONE,
    MAIL_DIR: path.join(ROOT, "var", "lighthouse", "mail"),
  };
  // Its own file per run, so a run beside the browser tests' (which start one) never shares it.
  const db = await createBenchDb(`lighthouse-${process.pid}`);
  const settings = loadSettings({ ...env, DATABASE_URL: db.url });
  await seedDemoRequests(db.prisma, now, TIME_ZONE);
  // The demo requests have no complete draft and none waiting for its fee.
  await addRequest(db.prisma, now, DRAFT_TITLE, []);
  await addRequest(db.prisma, now, FEE_TITLE, [
    [ROLES.requester, { type: "SUBMIT" }],
    [ROLES.director, { type: "ORDER_ANALYSIS" }],
    [ROLES.analyst, { type: "RECORD_ANALYSIS", projectedCalls: 120 }],
  ]);

  const store = createSessionStore({ db: db.prisma, settings });
  const cookies = {} as Record<Role, string>;
  for (const [role, email] of Object.entries(ROLES) as Array<[Role, string]>) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    cookies[role] = (await store.createSession(new Request(env.APP_URL), user.id)).split(";")[0];
  }

  // A finance officer added by the admin who has not yet chosen a password or set up two-step sign-in.
  const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: ROLES.admin } });
  const newcomer = await db.prisma.user.create({
    data: { email: "new.finance@example.gov", name: "Nia Newcomer", passwordHash: "unused", roles: { create: [{ role: "finance", acting: false }] } },
  });
  const { token: invitationToken } = await createInvitation(db.prisma, { userId: newcomer.id, byId: admin.id, now, sessionSecret: env.SESSION_SECRET });
  const pendingStore = createPendingStore(settings);
  const director = await db.prisma.user.findUniqueOrThrow({ where: { email: ROLES.director } });
  const verifyCookie = (await pendingStore.start(director.id, "/", now)).split(";")[0];
  const enrolCookie = (
    await pendingStore.withEnrolSecret({ userId: newcomer.id, redirectTo: "/", expiresAt: now.getTime() + 600_000 }, ENROL_SECRET)
  ).split(";")[0];

  // An export from the phone system, uploaded and waiting for the analyst's preview (issue 19).
  const analyst = await db.prisma.user.findUniqueOrThrow({ where: { email: ROLES.analyst } });
  const callSource = await sourceNamed(db.prisma, "Contact Center phones", "cisco");
  const callUploadId = await stageUpload(db.prisma, {
    sourceId: callSource.id,
    fileName: "cisco-csq-activity.csv",
    bytes: fs.readFileSync(path.join(ROOT, "tests/fixtures/calls/cisco-csq-activity.csv")),
    userId: analyst.id,
  });

  const requests = await db.prisma.request.findMany({ select: { id: true, title: true, state: true } });
  const department = await db.prisma.department.findFirstOrThrow({ where: { code: "DPW" } });
  const facts: SiteFacts = {
    cookies,
    requests,
    invitationToken,
    verifyCookie,
    enrolCookie,
    userIds: { newcomer: newcomer.id },
    departmentId: department.id,
    callUploadId,
    today: localDate(now, TIME_ZONE),
  };
  const server = await startServer({ ...env, DATABASE_URL: db.url }, port);
  return {
    origin: server.origin,
    pages: auditPages(facts),
    stop: async () => {
      await server.stop();
      await db.close();
      removeDbFiles(db.file);
    },
  };
}
