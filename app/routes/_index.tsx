// Home: what waits on me, the nearest effective date first, and my department's requests.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { RequestRows, RequestTable } from "~/components/RequestTable";
import { TaskTable, TASKS_MARKUP } from "~/components/TaskTable";
import { db } from "~/db.server";
import { disputedFees } from "~/fees/assessment.server";
import { staticMarkup } from "~/http/serverMarkup.server";
import { mayCreateRequests } from "~/requests/access.server";
import { parseTaskCursor, taskCursorParam } from "~/requests/listCursor";
import { listRequests, myTasks } from "~/requests/queries.server";
import { getSettings } from "~/settings.server";
import { daysBetween, isPartnerOn, localDate, partnerStanding, ROLE_LABELS, STATE_LABELS, type RequestEventType, type StateName } from "workflows/view";
import { NewRequestButton } from "~/components/NewRequestButton";

/** What a task asks of the person, in their words. */
const TASK_LABELS: Partial<Record<RequestEventType, string>> = {
  SUBMIT: "Finish and submit",
  RESUBMIT: "Make the changes asked for and resubmit",
  ORDER_ANALYSIS: "Screen the request",
  NO_ANALYSIS: "Screen the request",
  RECORD_ANALYSIS: "Record the call volume analysis",
  ASSESS_FEE: "Assess the fee",
  ACCEPT_FEE: "Accept, dispute or decline the fee",
  APPROVE: "Sign off",
};

/** The department's table among the markups the page is sent once. */
const DEPARTMENT_MARKUP = "department-requests";

export const meta: MetaFunction = () => [{ title: "Home – 3-1-1 Number Use Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const { timeZone } = getSettings();
  const today = localDate(now, timeZone);
  const after = parseTaskCursor(new URL(request.url).searchParams.get("tasksAfter") ?? undefined);
  const [{ tasks, next }, department] = await Promise.all([
    myTasks(db, user, now, timeZone, { after }),
    user.departmentId && mayCreateRequests(user)
      ? listRequests(db, user, { departmentId: user.departmentId, page: 1 })
      : null,
  ]);
  const disputed = await disputedFees(
    db,
    tasks.filter((t) => t.actions.some((a) => a.type === "ASSESS_FEE")).map((t) => t.id),
  );
  return {
    user: {
      name: user.name,
      // R4, R5: the department's standing today, in the words the machine's rules use.
      department: user.department ? { name: user.department.name, standing: partnerStanding(isPartnerOn(user.department, today)) } : null,
      roles: user.roles.map((r) => (r.acting ? `Acting ${ROLE_LABELS[r.role]}` : ROLE_LABELS[r.role])),
    },
    canCreate: mayCreateRequests(user),
    taskCount: tasks.length,
    // The same tasks make the same table: made once, and sent once (decision 0038).
    tasks: staticMarkup(context, TASKS_MARKUP, TaskTable, {
      tasks: tasks.map((t) => ({
        id: t.id,
        reference: t.reference,
        title: t.title,
        stateLabel: STATE_LABELS[t.state as StateName],
        effectiveDate: t.effectiveDate,
        daysLeft: t.effectiveDate ? daysBetween(today, t.effectiveDate) : null,
        todo: [...new Set(t.actions.map((a) => (a.type === "ASSESS_FEE" && disputed.has(t.id) ? "Reassess the disputed fee" : TASK_LABELS[a.type])))].join("; "),
      })),
    }),
    continued: after !== undefined,
    moreTasks: next ? `/?${new URLSearchParams({ tasksAfter: taskCursorParam(next) }).toString()}#tasks-heading` : null,
    departmentRequestCount: department?.rows.length ?? 0,
    departmentRequests: department?.rows.length
      ? staticMarkup(context, DEPARTMENT_MARKUP, RequestRows, { rows: department.rows, caption: "Your department's most recent requests", showNextStep: true })
      : null,
  };
}

export default function Home() {
  const { user, canCreate, taskCount, tasks, continued, moreTasks, departmentRequestCount, departmentRequests } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Home</h1>
      <p className="usa-intro" data-testid="signed-in-as">
        {`Signed in as ${user.name} (${user.roles.length > 0 ? user.roles.join(", ") : "no roles"})${user.department ? ` · ${user.department.name}` : ""}`}
      </p>
      {canCreate ? <NewRequestButton /> : null}

      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">My tasks</h2>
        {taskCount === 0 ? (
          <p data-testid="no-tasks">{continued ? "No more tasks are waiting on you." : "Nothing is waiting on you."}</p>
        ) : (
          <RequestTable name={TASKS_MARKUP} html={tasks} />
        )}
        {moreTasks || continued ? (
          <nav aria-label="More tasks">
            <ul className="usa-list usa-list--unstyled">
              {moreTasks ? (
                <li>
                  <Link to={moreTasks}>Show more tasks</Link>
                </li>
              ) : null}
              {continued ? (
                <li>
                  <Link to="/#tasks-heading">Back to your most urgent tasks</Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>

      {user.department && canCreate ? (
        <section aria-labelledby="department-heading" className="margin-top-4">
          <h2 id="department-heading">{user.department.name}: requests</h2>
          <p data-testid="department-standing">Your department {user.department.standing}.</p>
          {departmentRequestCount === 0 ? (
            <p>Your department has no requests yet.</p>
          ) : (
            <RequestTable name={DEPARTMENT_MARKUP} html={departmentRequests} />
          )}
          <p>
            <Link to="/requests">See all your department's requests</Link>
          </p>
        </section>
      ) : (
        <p className="margin-top-4">
          <Link to="/requests">See all requests</Link>
        </p>
      )}
    </>
  );
}
