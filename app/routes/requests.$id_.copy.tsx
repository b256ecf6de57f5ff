// R15: copy a lapsed, rejected or withdrawn request into a new draft of the same department.
// POST only. A request the person may not see does not exist for them (404, R1).
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { mayCreateRequests } from "~/requests/access.server";
import { answersOf, columnsOf } from "~/requests/answers";
import { createDraft } from "~/requests/drafts.server";
import { findVisibleRequest } from "~/requests/queries.server";
import { getSettings } from "~/settings.server";
import { COPYABLE_STATES, isStateName } from "../../workflows/states";

/** Copying changes things: only by the form's POST, never by following a link. */
export function loader() {
  throw new Response("Use the Copy into a new draft button on the request page.", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const row = await findVisibleRequest(db, user, params.id ?? "");
  if (!mayCreateRequests(user) || user.departmentId !== row.departmentId) {
    throw new Response("Only requesters of the department that owns the request can copy it.", { status: 403 });
  }
  if (!isStateName(row.state) || !COPYABLE_STATES.includes(row.state)) {
    throw new Response("Only a lapsed, rejected or withdrawn request can be copied.", { status: 409 });
  }
  // The old dates have passed or were the reason for the refusal: the copy asks for new ones.
  const answers = { ...answersOf(row), effectiveDate: "", endDate: "" };
  const { id } = await createDraft(db, {
    user,
    columns: columnsOf(answers),
    now: new Date(),
    timeZone: getSettings().timeZone,
    copiedFromId: row.id,
  });
  return redirect(`/requests/${id}/edit?copied=1`, 303);
}
