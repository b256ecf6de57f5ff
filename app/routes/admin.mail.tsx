// E-mail that could not be delivered (admin only, R16): what failed, why, and a button to send it again.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { outboxOverview, retryMessage, retrySchema } from "~/admin/outbox.server";
import { requireRole } from "~/auth/require-role.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { db } from "~/db.server";
import { InstantText } from "~/components/DateText";
import { getSettings } from "~/settings.server";

export const meta: MetaFunction = () => [{ title: "Undelivered e-mail – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return outboxOverview(db, getSettings().timeZone);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const parsed = retrySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "Choose a message to send again." }, { status: 400 });
  const retried = await retryMessage(db, user, parsed.data.id, new Date());
  if (!retried) return data({ error: "That message is no longer waiting for a retry: it may have been sent already." }, { status: 409 });
  return redirect("/admin/mail?retried=1", 303);
}

export default function UndeliveredMail() {
  const { failed, waiting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/admin">Administration</Link>
      </p>
      <h1 className="margin-top-1">Undelivered e-mail</h1>
      {params.get("retried") ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">The message is queued and will be sent within a minute.</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={actionData?.error ? [["form", actionData.error]] : []} />
      <p>
        {waiting} e-mail{waiting === 1 ? " is" : "s are"} waiting to be sent. Messages the mail server refused or could not
        take after every retry are listed here.
      </p>
      {failed.length === 0 ? (
        <p data-testid="no-failed-mail">No e-mail has failed.</p>
      ) : (
        <table className="usa-table usa-table--borderless usa-table--stacked width-full" data-testid="failed-mail">
          <caption>E-mail that could not be delivered, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">E-mail</th>
              <th scope="col">To</th>
              <th scope="col">Tries and last error</th>
              <th scope="col">
                <span className="usa-sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {failed.map((m) => (
              <tr key={m.id}>
                <td data-label="Queued">
                  <InstantText at={m.queued} />
                </td>
                <td data-label="E-mail">
                  {m.template.replaceAll("_", " ")}
                  {m.request ? (
                    <>
                      {" "}
                      for <Link to={`/requests/${m.request.id}`}>{m.request.reference}</Link>
                    </>
                  ) : null}
                </td>
                <td data-label="To">{m.to}</td>
                <td data-label="Tries and last error">
                  {m.attempts}: {m.lastError ?? "no error recorded"}
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="retry" />
                    <input type="hidden" name="id" value={m.id} />
                    <button type="submit" className="usa-button usa-button--outline">
                      Send again<span className="usa-sr-only"> ({m.template.replaceAll("_", " ")} to {m.to})</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
