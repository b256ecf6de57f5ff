// R15: copy a lapsed, rejected or withdrawn request into a new draft of the same department.
// POST only. A request the person may not see does not exist for them (404, R1). Every
// refusal is the portal's own page (the ErrorBoundary below), never a bare status line.
import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useParams, useRouteError } from "@remix-run/react";
import { db } from "~/db.server";
import { answersOf, columnsOf } from "~/requests/answers";
import { createDraft } from "~/requests/drafts.server";
import { requestInContext } from "~/requests/requestRoute.server";
import { copyCheck, requesterCheck, stateName } from "workflows";

export const meta: MetaFunction = () => [{ title: "Copy a request – 3-1-1 Number Use Portal" }];

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

/** Never shown: the loader always refuses, and the action redirects. The route is a page so its refusals are. */
export default function CopyRequest() {
  return null;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { id } = useParams();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) throw error;
  const message =
    status === 405
      ? "A request is copied with the “Copy into a new draft” button on its page, not by opening this address."
      : isRouteErrorResponse(error) && typeof error.data === "string" && status < 500
        ? error.data
        : "The portal had a problem copying the request. Nothing was changed.";
  return (
    <>
      <h1>The request was not copied</h1>
      <p className="usa-intro" data-testid="copy-refused">
        {message}
      </p>
      <p>
        <Link to={`/requests/${id}`}>Go back to the request</Link>
      </p>
    </>
  );
}
