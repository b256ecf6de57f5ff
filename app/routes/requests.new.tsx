// Start a request (issue 4): choose the type (only those open to the department, R6), then
// fill in its fields. "Save as draft" keeps whatever was typed; "Continue" checks everything,
// asks the machine whether it would accept the submission, saves and goes to the check page.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser, type CurrentUser } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { NoticePanel } from "~/components/NoticePanel";
import { RadioGroup } from "~/components/RadioGroup";
import { RequestForm } from "~/components/RequestForm";
import { db } from "~/db.server";
import { mayCreateRequests } from "~/requests/access.server";
import { answersFrom, columnsOf, isRequestType } from "~/requests/answers";
import { createDraft } from "~/requests/drafts.server";
import { draftSchema, newRequestIntentSchema, formSchema, requestFieldErrors } from "~/forms/schemas.server";
import { submissionRefusal } from "~/requests/submissionCheck.server";
import { TYPE_EXPLANATIONS } from "~/requests/typeExplanations";
import { getSettings } from "~/settings.server";
import { allowedTypes, REQUEST_TYPE_LABELS, requestNotice, type RequestType } from "workflows/view";

export const meta: MetaFunction = () => [{ title: "Start a new request – 3-1-1 Number Use Portal" }];

const CHOOSE_TYPE = "Choose one of the types of request open to your department";

function requester(user: CurrentUser) {
  if (!mayCreateRequests(user) || !user.department) {
    throw new Response("Only department requesters can start requests.", { status: 403 });
  }
  return { user, department: user.department };
}

/** The notice a request the department starts now must give: it has not been submitted before. */
function newRequestNotice(department: { partnerSince: string | null }, now: Date, timeZone: string) {
  return requestNotice({ department, firstSubmittedAt: null, partnerAtSubmission: null }, now, timeZone);
}

/** R6: the type, if it is one the department may ask for now. */
function allowedType(value: unknown, partner: boolean): RequestType | null {
  return isRequestType(value) && allowedTypes(partner).includes(value) ? value : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { department } = requester(await requireUser(request));
  const notice = newRequestNotice(department, new Date(), getSettings().timeZone);
  const params = new URL(request.url).searchParams;
  const asked = params.get("type");
  const type = allowedType(asked, notice.partner);
  // "chosen" comes with the chooser's button: pressed with no type picked is an error too.
  const triedToChoose = asked !== null || params.has("chosen");
  return {
    department: department.name,
    notice,
    type,
    typeError: triedToChoose && type === null ? CHOOSE_TYPE : null,
    types: allowedTypes(notice.partner).map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t], description: TYPE_EXPLANATIONS[t] })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, department } = requester(await requireUser(request));
  const now = new Date();
  const timeZone = getSettings().timeZone;
  const notice = newRequestNotice(department, now, timeZone);
  const form = Object.fromEntries(await request.formData());
  const intent = newRequestIntentSchema.safeParse(form.intent);
  const type = allowedType(form.type, notice.partner);
  if (!type || !intent.success) {
    return data({ errors: { type: CHOOSE_TYPE } as Record<string, string>, values: {} as Record<string, string> }, { status: 400 });
  }
  const answers = answersFrom(type, form);
  const values = answers as Record<string, string>;
  const errors: Record<string, string> = requestFieldErrors(type, answers, intent.data === "draft" ? draftSchema : formSchema(type, notice));
  if (Object.keys(errors).length > 0) return data({ errors, values }, { status: 400 });

  if (intent.data === "continue") {
    const refusal = submissionRefusal({ user, stored: null, department, answers, now, timeZone });
    if (refusal) return data({ errors: { effectiveDate: refusal } as Record<string, string>, values }, { status: 422 });
  }
  const { id } = await createDraft(db, { user, columns: columnsOf(answers), now, timeZone });
  return redirect(intent.data === "draft" ? `/requests/${id}/edit?saved=1` : `/requests/${id}/check`, 303);
}

export default function NewRequest() {
  const { department, notice, type, typeError, types } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  if (!type) {
    const error = typeError ?? actionData?.errors.type;
    return (
      <>
        <h1>Start a new request</h1>
        <p className="usa-intro">
          Tell the Communications Department (COM) how your department will use 3-1-1, so the 3-1-1 Contact Center can
          get ready for the calls.
        </p>
        <ErrorSummary errors={error ? [["type", error]] : []} />
        <Form method="get" className="usa-form usa-form--large">
          <RadioGroup
            name="type"
            legend={<span className="font-sans-lg text-bold">What will your department do?</span>}
            hint={
              notice.partner
                ? `${department} is a 3-1-1 partner department.`
                : `${department} is not a 3-1-1 partner department, so automated response systems are not open to it: they are for 3-1-1 partner departments only.`
            }
            error={error ?? undefined}
            options={types}
            tile
          />
          <button type="submit" name="chosen" value="1" className="usa-button margin-top-3">
            Continue
          </button>
        </Form>
      </>
    );
  }

  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/requests/new">Change the type of request</Link>
      </p>
      <h1 className="margin-top-1">
        <span className="text-base-dark font-body-md display-block">Start a new request</span>
        {REQUEST_TYPE_LABELS[type]}
      </h1>
      <NoticePanel notice={{ ...notice, departmentName: department }} />
      <p>
        Fill in what you know. <strong>Save as draft</strong> keeps it for later, even if it is not finished.{" "}
        <strong>Continue</strong> checks everything and shows your answers before you submit them.
      </p>
      <RequestForm
        key={type}
        type={type}
        values={actionData?.values ?? {}}
        serverErrors={actionData?.errors}
        notice={notice}
        buttons={[
          { intent: "continue", label: "Continue", check: "full" },
          { intent: "draft", label: "Save as draft", check: "draft", secondary: true },
        ]}
      />
    </>
  );
}
