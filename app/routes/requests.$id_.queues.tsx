// Which of the phone system's topic or queue codes carry a request's calls (issue 19): the
// analyst ties them here, and the request's page sets its forecast against their actual calls.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { actualsRoles } from "~/actuals/actualsRoles";
import { queuesFormSchema } from "~/actuals/actualsForms.server";
import { knownQueues, requestQueues, setRequestQueues } from "~/actuals/requestActuals.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextArea } from "~/components/Field";
import { db } from "~/db.server";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { requestInContext } from "~/requests/requestRoute.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Queue codes: ${data.request.reference} – 3-1-1 Number Use Portal` : "Queue codes" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row } = await requestInContext(request, params.id, actualsRoles);
  const [queues, known] = await Promise.all([requestQueues(db, row.id), knownQueues(db)]);
  return { request: { id: row.id, reference: row.reference, title: row.title }, queues, known };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { row } = await requestInContext(request, params.id, actualsRoles);
  const form = formValues(await request.formData());
  const parsed = queuesFormSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  await setRequestQueues(db, row.id, parsed.data.queues);
  return redirect(`/requests/${row.id}?done=QUEUES#actual-calls-heading`, 303);
}

export default function QueuesPage() {
  const { request, queues, known } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const errors = sent?.errors ?? {};
  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/requests/${request.id}`}>Back to {request.reference}</Link>
      </p>
      <h1 className="margin-top-1">
        <span className="text-base-dark font-body-md display-block">{request.reference}</span>
        Queue codes of {request.title}
      </h1>
      <ErrorSummary errors={errors.queues ? [["queues", errors.queues]] : []} />
      <Form method="post" className="usa-form usa-form--large" noValidate>
        <TextArea
          name="queues"
          label="Topic or queue codes"
          hint={known.length > 0 ? `One a line. Codes seen in imports: ${known.join(", ")}.` : "One a line, as the phone system names them."}
          defaultValue={sent?.values.queues ?? queues.join("\n")}
          error={errors.queues}
          rows={4}
        />
        <button type="submit" className="usa-button">
          Save the queue codes
        </button>
      </Form>
    </>
  );
}
