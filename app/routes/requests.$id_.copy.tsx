// R15: copy a lapsed, rejected or withdrawn request into a new draft of the same department.
// POST only. A request the person may not see does not exist for them (404, R1).
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { answersOf, columnsOf } from "~/requests/answers";
import { createDraft } from "~/requests/drafts.server";
import { requestInContext } from "~/requests/requestRoute.server";
import { copyCheck, requesterCheck, stateName } from "workflows";

/** Copying changes things: only by the form's POST, never by following a link. */
export function loader() {
  throw new Response("Use the Copy into a new draft button on the request page.", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor, row, snapshot, now, timeZone } = await requestInContext(request, params.id);
  const refusal = copyCheck(stateName(snapshot), snapshot.context, actor);
  if (refusal !== null) {
    const ownDepartment = requesterCheck(snapshot.context, actor) === null;
    throw new Response(refusal, { status: ownDepartment ? 409 : 403 });
  }
  // The old dates have passed or were the reason for the refusal: the copy asks for new ones.
  const answers = { ...answersOf(row), effectiveDate: "", endDate: "" };
  const { id } = await createDraft(db, {
    user,
    columns: columnsOf(answers),
    now,
    timeZone,
    copiedFromId: row.id,
  });
  return redirect(`/requests/${id}/edit?copied=1`, 303);
}
