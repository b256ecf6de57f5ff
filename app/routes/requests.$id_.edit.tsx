// Edit a draft, or a request whose reviewer asked for changes (issue 4, R9). Saving sends
// EDIT with the new answers; "Continue" goes on to the check page; "Resubmit" sends RESUBMIT
// with the answers in the same transaction. The machine says which of these this person may do.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { NoticePanel } from "~/components/NoticePanel";
import { RequestForm, type FormButton } from "~/components/RequestForm";
import { db } from "~/db.server";
import { answersFrom, answersOf, columnsOf, isRequestType } from "~/requests/answers";
import { ChangesAskedFor } from "~/components/ChangesAskedFor";
import { copiedFrom } from "~/requests/copiedFrom.server";
import { latestComment } from "~/requests/latestComment.server";
import { refusalOf, requestInContext } from "~/requests/requestRoute.server";
import { submissionRefusal } from "~/requests/submissionCheck.server";
import { transition } from "~/requests/transition.server";
import { availableActions, draftSchema, editIntentSchema, formSchema, requestFieldErrors, requesterCheck, whyNot } from "~/forms/schemas.server";
import { REQUEST_TYPE_LABELS, requestNotice, stateName } from "workflows/view";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit ${data.request.reference} – 3-1-1 Number Use Portal` : "Edit request" },
];

/** The request as this person may see it (404 otherwise, R1), and what the machine allows now. */
async function editable(request: Request, id: string | undefined) {
  const context = await requestInContext(request, id);
  const { actor, row, snapshot, now, timeZone } = context;
  // Only the owning department's requesters ever edit; others who may see the request are told so.
  if (requesterCheck(snapshot.context, actor) !== null) {
    throw new Response("Only the department's requesters can edit this request.", { status: 403 });
  }
  const actions = availableActions(snapshot, actor, now.toISOString()).map((a) => a.type);
  const type = isRequestType(row.type) ? row.type : "materials";
  const notice = requestNotice(row, now, timeZone);
  const refusal = whyNot(snapshot, { type: "EDIT", actor, at: now.toISOString() });
  return { ...context, type, actions, notice, refusal, state: stateName(snapshot) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, row, type, actions, notice, refusal, state, timeZone } = await editable(request, params.id);
  const changeRequest = state === "changesRequested" ? await latestComment(db, row.id, "REQUEST_CHANGES", timeZone) : null;
  return {
    request: { id: row.id, reference: row.reference, title: row.title, type, typeLabel: REQUEST_TYPE_LABELS[type], department: row.department.name },
    refusal,
    resubmitting: actions.includes("RESUBMIT"),
    canSubmit: actions.includes("SUBMIT"),
    values: answersOf(row) as Record<string, string>,
    notice,
    changeRequest,
    copiedFrom: await copiedFrom(db, user, row.copiedFromId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, row, now, timeZone, type, notice } = await editable(request, params.id);
  const form = Object.fromEntries(await request.formData());
  const intent = editIntentSchema.safeParse(form.intent);
  const answers = answersFrom(type, form);
  const values = answers as Record<string, string>;
  if (!intent.success) return data({ errors: { title: "Choose what to do with the answers" } as Record<string, string>, values }, { status: 400 });

  const errors: Record<string, string> = requestFieldErrors(type, answers, intent.data === "save" ? draftSchema : formSchema(type, notice));
  if (Object.keys(errors).length > 0) return data({ errors, values }, { status: 400 });

  if (intent.data === "continue") {
    const refusal = submissionRefusal({ user, stored: row, department: row.department, answers, now, timeZone });
    if (refusal) return refused(refusal, values);
  }
  const outcome = await transition(db, {
    request: row,
    by: user,
    event: { type: intent.data === "resubmit" ? "RESUBMIT" : "EDIT" },
    now,
    timeZone,
    changes: columnsOf(answers),
  });
  if (!outcome.ok) {
    const { reason, status } = refusalOf(outcome);
    return refused(reason, values, status);
  }
  const next = { save: `/requests/${row.id}/edit?saved=1`, continue: `/requests/${row.id}/check`, resubmit: `/requests/${row.id}/confirmation?resubmitted=1` };
  return redirect(next[intent.data], 303);
}

/** The machine's reason, beside the effective date: the rules it can still refuse on are about dates. */
function refused(reason: string, values: Record<string, string>, status = 422) {
  return data({ errors: { effectiveDate: reason } as Record<string, string>, values }, { status });
}

export default function EditRequest() {
  const { request, refusal, resubmitting, canSubmit, values, notice, changeRequest, copiedFrom } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();

  const heading = (
    <>
      <p className="margin-bottom-0">
        <Link to={`/requests/${request.id}`}>Back to the request</Link>
      </p>
      <h1 className="margin-top-1">
        <span className="text-base-dark font-body-md display-block">
          {request.reference} · {request.typeLabel}
        </span>
        {resubmitting ? "Change and resubmit the request" : "Edit the request"}
      </h1>
    </>
  );
  if (refusal) {
    return (
      <>
        {heading}
        <p className="usa-intro" data-testid="not-editable">
          You cannot change this request now. {refusal}
        </p>
      </>
    );
  }

  const buttons: FormButton[] = [
    ...(resubmitting ? [{ intent: "resubmit", label: "Resubmit", check: "full" } as const] : []),
    ...(canSubmit ? [{ intent: "continue", label: "Continue", check: "full" } as const] : []),
    { intent: "save", label: resubmitting ? "Save changes" : "Save as draft", check: "draft", secondary: true },
  ];
  const form = (
    <RequestForm
      type={request.type}
      values={actionData?.values ?? values}
      serverErrors={actionData?.errors}
      notice={notice}
      buttons={buttons}
    />
  );

  return (
    <>
      {heading}
      {params.get("saved") ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {resubmitting
                ? "Your changes are saved. Resubmit the request when it is ready."
                : `Your draft ${request.reference} is saved. You can come back to it at any time: it is on your home page under “My tasks”.`}
            </p>
          </div>
        </div>
      ) : null}
      {copiedFrom ? (
        <div className="usa-alert usa-alert--info usa-alert--slim" role={params.get("copied") ? "status" : undefined} data-testid="copied-from">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              This is a new draft, {request.reference}, copied from <Link to={`/requests/${copiedFrom.id}`}>{copiedFrom.reference}</Link>
              {copiedFrom.title ? ` (${copiedFrom.title})` : ""}. Choose new dates before you submit it.
            </p>
          </div>
        </div>
      ) : null}
      {changeRequest ? (
        <div className="portal-with-aside">
          <aside aria-label="The reviewer's request">
            <ChangesAskedFor changeRequest={changeRequest} />
          </aside>
          <div className="portal-with-aside__main">
            <NoticePanel notice={{ ...notice, departmentName: request.department }} />
            {form}
          </div>
        </div>
      ) : (
        <>
          <NoticePanel notice={{ ...notice, departmentName: request.department }} />
          {form}
        </>
      )}
    </>
  );
}
