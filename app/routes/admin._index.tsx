// Administration home (admin only): where each task lives, and the portal's settings, shown
// read-only because they come from the environment (SPEC §9).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/require-role.server";
import { getSettings } from "~/settings.server";
import { MONTH_NAMES } from "workflows/view";

export const meta: MetaFunction = () => [{ title: "Administration – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const settings = getSettings();
  return {
    timeZone: settings.timeZone,
    fiscalYearStart: MONTH_NAMES[settings.fiscalYearStartMonth - 1],
    sessionIdleMinutes: settings.sessionIdleMinutes,
  };
}

export default function AdminHome() {
  const { timeZone, fiscalYearStart, sessionIdleMinutes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Administration</h1>
      <ul className="usa-list">
        <li>
          <Link to="/admin/departments">Departments and 3-1-1 partnerships</Link>
        </li>
        <li>
          <Link to="/admin/users">Users, roles and acting appointments</Link>
        </li>
        <li>
          <Link to="/admin/fees">Fee schedule</Link>
        </li>
        <li>
          <Link to="/admin/holidays">Holidays (business days for reminders)</Link>
        </li>
        <li>
          <Link to="/admin/mail">Undelivered e-mail</Link>
        </li>
      </ul>
      <section aria-labelledby="settings-heading" className="margin-top-4">
        <h2 id="settings-heading">Settings</h2>
        <p>These come from the server&apos;s environment; change them there and restart the portal.</p>
        <dl className="portal-summary" data-testid="settings">
          <dt>County time zone (PORTAL_TIME_ZONE)</dt>
          <dd>{timeZone}</dd>
          <dt>Fiscal year starts (FISCAL_YEAR_START_MONTH)</dt>
          <dd>{fiscalYearStart}</dd>
          <dt>Sign-out after inactivity (SESSION_IDLE_MINUTES)</dt>
          <dd>{sessionIdleMinutes} minutes</dd>
        </dl>
      </section>
    </>
  );
}
