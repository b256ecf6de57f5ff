// An invitation link (issue 5): the invited person chooses a first password, once. The link's
// token is the only proof of who they are, so an unknown, used or expired token shows the
// same page and says nothing about the account.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SET_PASSWORD_FIELDS } from "~/admin/formFields";
import { setPasswordSchema } from "~/forms/schemas.server";
import { acceptInvitation, openInvitation } from "~/admin/invitations.server";
import { MAX_LENGTH, minimumLength } from "~/auth/password-policy";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Field";
import { db } from "~/db.server";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { useZodForm } from "~/forms/useZodForm";
import { getSettings } from "~/settings.server";

export const meta: MetaFunction = () => [{ title: "Choose your password – 3-1-1 Number Use Portal" }];

export async function loader({ params }: LoaderFunctionArgs) {
  // LOCAL_SIGN_IN=off: nobody chooses a password; the first sign-in at the provider claims the account.
  if (!getSettings().localSignIn) throw redirect("/sign-in");
  const invitation = await openInvitation(db, params.token ?? "", new Date());
  const page = { name: invitation?.user.name ?? null, minLength: minimumLength(false), maxLength: MAX_LENGTH };
  // An unknown, used or expired link: the page says so, with the status that means it.
  return invitation ? page : data(page, { status: 404 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!getSettings().localSignIn) throw redirect("/sign-in", 303);
  const values = formValues(await request.formData());
  const parsed = setPasswordSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  const result = await acceptInvitation(db, { token: params.token ?? "", password: parsed.data.newPassword, now: new Date() });
  if (!result.ok) return data({ errors: { [result.field]: result.message } as Record<string, string> }, { status: 400 });
  // The sign-in page says the password is set and fills in the address.
  return redirect(`/sign-in?${new URLSearchParams({ invited: "1", email: result.email }).toString()}`, 303);
}

export default function InvitationPage() {
  const { name, minLength, maxLength } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useZodForm(() => import("~/admin/invitationForm").then((m) => m.setPasswordSchema), { serverErrors: actionData?.errors });
  if (name === null) {
    return (
      <>
        <h1>This invitation link does not work</h1>
        <p className="usa-intro">It may have been used already, or it is more than 7 days old.</p>
        <p>Ask the portal administrator for a new link.</p>
      </>
    );
  }
  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
        <h1>Welcome, {name}</h1>
        <p className="usa-intro">Choose a password for the 3-1-1 Number Use Portal. Then sign in with it.</p>
        <ErrorSummary errors={form.summary(SET_PASSWORD_FIELDS)} />
        <Form method="post" id="form" className="usa-form usa-form--large" noValidate {...form.formProps}>
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${minLength} characters, at most ${maxLength}. A few unrelated words make a good one.`}
            error={form.errorFor("newPassword")}
            {...form.register("newPassword")}
          />
          <TextField
            label="New password again"
            type="password"
            autoComplete="new-password"
            error={form.errorFor("confirmPassword")}
            {...form.register("confirmPassword")}
          />
          <button type="submit" className="usa-button">
            Set my password
          </button>
        </Form>
      </div>
    </div>
  );
}
