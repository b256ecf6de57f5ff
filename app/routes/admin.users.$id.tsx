// One person (admin only): department and roles, acting appointments with dates (R3),
// deactivation, and a new invitation link while they have not used theirs.
import { DateText } from "~/components/DateText";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ACCESS_FIELDS, ACTING_ROLES, APPOINTMENT_FIELDS } from "~/admin/formFields";
import { appoint, removeAppointment } from "~/admin/appointments.server";
import { listDepartments } from "~/admin/departments.server";
import { accessFormSchema, appointmentFormSchema, userIntentSchema } from "~/forms/schemas.server";
import { accountStatus, deactivate, findUserForAdmin, reinviteUser, signInMethod, updateAccess } from "~/admin/users.server";
import { unlinkSubject } from "~/auth/oidc/accounts.server";
import { requireRole } from "~/auth/require-role.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { SelectField, TextField } from "~/components/Field";
import { RoleCheckboxes } from "~/components/RoleCheckboxes";
import { db } from "~/db.server";
import { NewSecretAlert } from "~/components/NewSecretAlert";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { useZodForm, type FormValues } from "~/forms/useZodForm";
import { getSettings } from "~/settings.server";
import { localDate, ROLE_LABELS, ROLES } from "workflows/view";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "User"} – 3-1-1 Number Use Portal` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const [person, departments] = await Promise.all([findUserForAdmin(db, params.id ?? ""), listDepartments(db)]);
  const { oidc, localSignIn, timeZone } = getSettings();
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      active: person.active,
      invitationUsed: person.invitations.some((i) => i.usedAt !== null),
      // Issue 18: how they sign in, and the provider identity their account is linked to.
      signInMethod: signInMethod(person, localSignIn),
      lastSignIn: person.lastSignInAt ? { method: person.lastSignInMethod, on: localDate(person.lastSignInAt, timeZone) } : null,
      linked: person.oidcSubject
        ? { issuer: person.oidcIssuer ?? "", subject: person.oidcSubject, since: person.oidcLinkedAt?.toISOString() ?? null }
        : null,
      status: accountStatus(person, new Date()),
      roles: person.roles.filter((r) => !r.acting).map((r) => r.role),
      appointments: person.roles
        .filter((r) => r.acting)
        .map((r) => ({ id: r.id, role: ROLE_LABELS[r.role as keyof typeof ROLE_LABELS] ?? r.role, startsOn: r.startsOn, endsOn: r.endsOn })),
    },
    access: { departmentId: person.departmentId ?? "" } satisfies FormValues,
    departments: departments.map((d) => ({ value: d.id, label: d.name })),
    providerName: oidc?.name ?? null,
    // OIDC_ROLE_CLAIM: a linked person's roles are set again from the provider at each sign-in.
    roleClaim: oidc?.roleClaim?.claim ?? null,
  };
}

type Outcome = { intent: string; values: FormValues; checked?: string[]; errors: Record<string, string>; link?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const person = await findUserForAdmin(db, params.id ?? "");
  const form = await request.formData();
  const values = formValues(form);
  const which = userIntentSchema.safeParse(values);
  if (!which.success) return data<Outcome>({ intent: "", values, errors: { form: "Choose an action" } }, { status: 400 });
  const now = new Date();
  const by = { by: user, userId: person.id, now };
  const done = (what: string) => redirect(`/admin/users/${person.id}?done=${what}`, 303);

  switch (which.data.intent) {
    case "access": {
      const checked = form.getAll("roles").map(String);
      const parsed = accessFormSchema.safeParse({ ...values, roles: checked });
      if (!parsed.success) return data<Outcome>({ intent: "access", values, checked, errors: fieldErrors(parsed.error) }, { status: 400 });
      const result = await updateAccess(db, { ...by, values: parsed.data });
      if (!result.ok) return data<Outcome>({ intent: "access", values, checked, errors: { [result.field]: result.message } }, { status: 400 });
      return done("access");
    }
    case "appoint": {
      const parsed = appointmentFormSchema.safeParse(values);
      if (!parsed.success) return data<Outcome>({ intent: "appoint", values, errors: fieldErrors(parsed.error) }, { status: 400 });
      await appoint(db, { ...by, values: parsed.data });
      return done("appoint");
    }
    case "removeAppointment":
      await removeAppointment(db, { ...by, appointmentId: which.data.appointmentId });
      return done("removeAppointment");
    case "deactivate": {
      const result = await deactivate(db, by);
      if (!result.ok) return data<Outcome>({ intent: "deactivate", values, errors: { form: result.message } }, { status: 400 });
      return done("deactivate");
    }
    case "unlinkSso":
      await unlinkSubject(db, { by: user, userId: person.id, now });
      return done("unlinkSso");
    case "reinvite": {
      const { appUrl, sessionSecret } = getSettings();
      const link = await reinviteUser(db, { ...by, appUrl, sessionSecret });
      return data<Outcome>({ intent: "reinvite", values: {}, errors: {}, link });
    }
  }
}

const DONE: Record<string, string> = {
  access: "Department and roles saved.",
  appoint: "Acting appointment added.",
  removeAppointment: "Acting appointment removed.",
  deactivate: "Account deactivated: they cannot sign in, and were signed out everywhere. Their history stays.",
  unlinkSso: "Unlinked. Their next single sign-on with a verified matching e-mail links the account again.",
};

const METHOD_LABELS: Record<string, string> = { password: "portal password", oidc: "single sign-on" };

export default function UserPage() {
  const { person, access, departments, providerName, roleClaim } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const mine = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const accessValues = mine("access")?.values ?? access;
  const appointValues = mine("appoint")?.values ?? { role: "", startsOn: "", endsOn: "" };
  const accessForm = useZodForm(() => import("~/admin/userForms").then((m) => m.accessFormSchema), { serverErrors: mine("access")?.errors });
  const appointForm = useZodForm(() => import("~/admin/appointmentForm").then((m) => m.appointmentFormSchema), { serverErrors: mine("appoint")?.errors });
  const done = params.get("done");
  const formError = mine("deactivate")?.errors.form ?? (actionData?.intent === "" ? actionData.errors.form : undefined);

  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/admin/users">Users</Link>
      </p>
      <h1 className="margin-top-1">{person.name}</h1>
      <p className="usa-intro">
        {person.email} · <span data-testid="account-status">{person.status}</span>
      </p>
      {done && DONE[done] && !actionData ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{DONE[done]}</p>
          </div>
        </div>
      ) : null}
      {actionData?.link ? (
        <NewSecretAlert
          label="New invitation link (the earlier one no longer works):"
          secret={actionData.link}
          testId="invitation-link"
          alertTestId="invitation"
        />
      ) : null}
      <ErrorSummary errors={formError ? [["form", formError]] : []} />

      <section aria-labelledby="sign-in-heading" className="margin-y-4" data-testid="sign-in-method">
        <h2 id="sign-in-heading">How they sign in</h2>
        <p>
          Signs in with: <span data-testid="sign-in-with">{person.signInMethod}</span>.
        </p>
        <p>
          {person.lastSignIn ? (
            <>
              Last signed in with {METHOD_LABELS[person.lastSignIn.method ?? ""] ?? person.lastSignIn.method} on{" "}
              <DateText date={person.lastSignIn.on} />.
            </>
          ) : (
            "Not signed in yet."
          )}
        </p>
        {person.linked ? (
          <>
            <dl>
              <dt className="text-bold">Linked {providerName ?? "single sign-on"} identity</dt>
              <dd data-testid="linked-subject">
                Subject <code>{person.linked.subject}</code> at <code>{person.linked.issuer}</code>
              </dd>
            </dl>
            <Form method="post">
              <input type="hidden" name="intent" value="unlinkSso" />
              <button type="submit" className="usa-button usa-button--outline">
                Unlink the {providerName ?? "single sign-on"} identity
              </button>
            </Form>
          </>
        ) : (
          <p>No single sign-on identity linked{providerName ? `: their first sign-in with ${providerName} links it` : ""}.</p>
        )}
      </section>

      <section aria-labelledby="access-heading" className="margin-y-4">
        <h2 id="access-heading">Department and roles</h2>
        {roleClaim && person.linked ? (
          <p data-testid="roles-from-provider">
            Their roles are set from the “{roleClaim}” claim of {providerName} each time they sign in with it: a change here lasts
            until their next sign-in. Acting appointments and the department stay as set here.
          </p>
        ) : null}
        <ErrorSummary errors={accessForm.summary(ACCESS_FIELDS)} />
        <Form method="post" className="usa-form usa-form--large" noValidate {...accessForm.formProps}>
          <input type="hidden" name="intent" value="access" />
          <SelectField
            label="Department"
            options={[{ value: "", label: "- No department -" }, ...departments]}
            error={accessForm.errorFor("departmentId")}
            defaultValue={accessValues.departmentId}
            {...accessForm.register("departmentId")}
          />
          <RoleCheckboxes
            roles={ROLES}
            checked={mine("access")?.checked ?? person.roles}
            error={accessForm.errorFor("roles")}
            register={accessForm.register("roles")}
          />
          <button type="submit" className="usa-button">
            Save department and roles
          </button>
        </Form>
      </section>

      <section aria-labelledby="acting-heading" className="margin-y-4">
        <h2 id="acting-heading">Acting appointments</h2>
        <p>While an appointment is in force the person acts in the role, and the audit trail says so: for example, “acting Director”.</p>
        {person.appointments.length === 0 ? (
          <p>No acting appointments.</p>
        ) : (
          <ul className="usa-list usa-list--unstyled" data-testid="appointments">
            {person.appointments.map((a) => (
              <li key={a.id} className="margin-bottom-1">
                <Form method="post" className="portal-actions">
                  <input type="hidden" name="intent" value="removeAppointment" />
                  <input type="hidden" name="appointmentId" value={a.id} />
                  <span>
                    Acting {a.role}, {a.startsOn ? <DateText date={a.startsOn} /> : "—"} to {a.endsOn ? <DateText date={a.endsOn} /> : "—"}
                  </span>
                  <button type="submit" className="usa-button usa-button--unstyled">
                    Remove<span className="usa-sr-only"> the acting {a.role} appointment</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <h3>Add an acting appointment</h3>
        <ErrorSummary errors={appointForm.summary(APPOINTMENT_FIELDS)} />
        <Form method="post" className="usa-form usa-form--large" noValidate {...appointForm.formProps}>
          <input type="hidden" name="intent" value="appoint" />
          <SelectField
            label="Acting as"
            options={[{ value: "", label: "- Select -" }, ...ACTING_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]}
            error={appointForm.errorFor("role")}
            defaultValue={appointValues.role}
            {...appointForm.register("role")}
          />
          <TextField
            label="First day"
            type="date"
            error={appointForm.errorFor("startsOn")}
            defaultValue={appointValues.startsOn}
            {...appointForm.register("startsOn")}
          />
          <TextField
            label="Last day"
            hint="The appointment ends at the end of this day."
            type="date"
            error={appointForm.errorFor("endsOn")}
            defaultValue={appointValues.endsOn}
            {...appointForm.register("endsOn")}
          />
          <button type="submit" className="usa-button">
            Add the appointment
          </button>
        </Form>
      </section>

      {person.active ? (
        <section aria-labelledby="account-heading" className="margin-y-4">
          <h2 id="account-heading">Account</h2>
          {person.invitationUsed ? null : (
            <Form method="post" className="margin-bottom-2">
              <input type="hidden" name="intent" value="reinvite" />
              <button type="submit" className="usa-button usa-button--outline">
                Make a new invitation link
              </button>
            </Form>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="deactivate" />
            <button type="submit" className="usa-button usa-button--secondary">
              Deactivate the account
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
