// Users (admin only): everyone with an account, and a form to invite a person. The invitation
// is e-mailed; the link is also shown here once, for when the e-mail does not arrive.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { listDepartments } from "~/admin/departments.server";
import { INVITE_FIELDS } from "~/admin/formFields";
import { inviteFormSchema } from "~/forms/schemas.server";
import { accountStatus, inviteUser, listUsers, signInMethod } from "~/admin/users.server";
import { requireRole } from "~/auth/require-role.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { SelectField, TextField } from "~/components/Field";
import { RoleCheckboxes } from "~/components/RoleCheckboxes";
import { db } from "~/db.server";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { useZodForm, type FormValues } from "~/forms/useZodForm";
import { formatDate } from "~/format";
import { getSettings } from "~/settings.server";
import { ROLE_LABELS, ROLES } from "workflows/view";

export const meta: MetaFunction = () => [{ title: "Users – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const [users, departments] = await Promise.all([listUsers(db), listDepartments(db)]);
  const now = new Date();
  const { localSignIn } = getSettings();
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      status: accountStatus(u, now),
      signIn: signInMethod(u, localSignIn),
      department: u.department?.name ?? "—",
      roles: u.roles
        .map((r) => (r.acting ? `Acting ${ROLE_LABELS[r.role as keyof typeof ROLE_LABELS]}, ${formatDate(r.startsOn ?? "")} to ${formatDate(r.endsOn ?? "")}` : ROLE_LABELS[r.role as keyof typeof ROLE_LABELS]))
        .join(", "),
    })),
    departments: departments.map((d) => ({ value: d.id, label: d.name })),
    localSignIn,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const form = await request.formData();
  const values = formValues(form);
  const checked = form.getAll("roles").map(String);
  const parsed = inviteFormSchema.safeParse({ ...values, roles: checked });
  if (!parsed.success) return data({ values, checked, errors: fieldErrors(parsed.error), invited: null }, { status: 400 });
  const { appUrl, sessionSecret } = getSettings();
  const result = await inviteUser(db, { by: user, values: parsed.data, now: new Date(), appUrl, sessionSecret });
  if (!result.ok) {
    return data({ values, checked, errors: { [result.field]: result.message } as Record<string, string>, invited: null }, { status: 400 });
  }
  return { values: EMPTY, checked: [], errors: {}, invited: { name: parsed.data.name, userId: result.userId, link: result.link } };
}

const EMPTY: FormValues = { email: "", name: "", departmentId: "" };

export default function UsersPage() {
  const { users, departments, localSignIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const invited = actionData?.invited ?? null;

  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/admin">Administration</Link>
      </p>
      <h1 className="margin-top-1">Users</h1>
      {invited ? (
        <div className="usa-alert usa-alert--success" role="status" data-testid="invitation">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">{invited.name} is invited</h2>
            {localSignIn ? (
              <p className="usa-alert__text">
                An e-mail with a link to choose a password is on its way to them. If it does not arrive, send them this link
                yourself. It works once, for 7 days, and is not shown again:{" "}
                <code className="portal-secret" data-testid="invitation-link">
                  {invited.link}
                </code>
              </p>
            ) : (
              <p className="usa-alert__text">
                An e-mail asking them to sign in with the county&rsquo;s single sign-on is on its way to them. Their first
                sign-in with this e-mail address claims the account; they need no password.
              </p>
            )}
            <p className="usa-alert__text">
              <Link to={`/admin/users/${invited.userId}`}>Add an acting appointment or change their roles</Link>
            </p>
          </div>
        </div>
      ) : null}

      <table className="usa-table usa-table--borderless usa-table--stacked" data-testid="users">
        <caption className="usa-sr-only">People with an account</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail address</th>
            <th scope="col">Department</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">Signs in with</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" data-label="Name">
                <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
              </th>
              <td data-label="E-mail address">{u.email}</td>
              <td data-label="Department">{u.department}</td>
              <td data-label="Roles">{u.roles || "—"}</td>
              <td data-label="Status">{u.status}</td>
              <td data-label="Signs in with">{u.signIn}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="margin-top-4">Invite a person</h2>
      {/* A new form after each invitation: the last person's answers must not stay in it. */}
      <InviteForm key={invited?.userId ?? "form"} departments={departments} sent={actionData} />
    </>
  );
}

function InviteForm({
  departments,
  sent,
}: {
  departments: Array<{ value: string; label: string }>;
  /** The last answer: the values refused and their errors, or empty ones after an invitation. */
  sent: { values: FormValues; checked: string[]; errors: Record<string, string> } | undefined;
}) {
  const values = sent?.values ?? EMPTY;
  const form = useZodForm(() => import("~/admin/userForms").then((m) => m.inviteFormSchema), { serverErrors: sent?.errors });
  return (
    <>
      <ErrorSummary errors={form.summary(INVITE_FIELDS)} />
      <Form method="post" className="usa-form usa-form--large" noValidate {...form.formProps}>
        <TextField label="Name" autoComplete="off" error={form.errorFor("name")} defaultValue={values.name} {...form.register("name")} />
        <TextField
          label="E-mail address"
          type="email"
          autoComplete="off"
          error={form.errorFor("email")}
          defaultValue={values.email}
          {...form.register("email")}
        />
        <SelectField
          label="Department"
          options={[{ value: "", label: "- No department -" }, ...departments]}
          error={form.errorFor("departmentId")}
          defaultValue={values.departmentId}
          {...form.register("departmentId")}
        />
        <RoleCheckboxes
          roles={ROLES}
          checked={sent?.checked ?? []}
          error={form.errorFor("roles")}
          hint="Acting appointments (someone standing in for the Director, for example) are added on the person's page."
          register={form.register("roles")}
        />
        <button type="submit" className="usa-button">
          Invite
        </button>
      </Form>
    </>
  );
}
