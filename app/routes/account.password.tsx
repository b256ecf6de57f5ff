// Change password (NIST SP 800-63B-4 rules). A change ends every session of the account,
// on every device; the person who made it gets a fresh session and stays signed in.
// With LOCAL_SIGN_IN=off (issue 18) the portal has no passwords: the page says so and the form
// is refused, for everyone, without looking at what was sent.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { changePassword } from "~/auth/accounts.server";
import { MAX_LENGTH, minimumLength } from "~/auth/password-policy";
import { changePasswordSchema } from "~/forms/schemas.server";
import { getSessionStore, requireUser } from "~/auth/session.server";
import { getThrottles, tooManyAttempts, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { passOnHeaders } from "~/http/routeHeaders";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Field";
import { db } from "~/db.server";
import { getSettings } from "~/settings.server";

export const headers = passOnHeaders;

export const meta: MetaFunction = () => [{ title: "Change your password – 3-1-1 Number Use Portal" }];

type Field = "currentPassword" | "newPassword" | "confirmPassword";
type Errors = Partial<Record<Field, string>>;

/** LOCAL_SIGN_IN=off: the page that explains, with 403. */
function passwordsOff() {
  const { oidc } = getSettings();
  return data({ off: true as const, providerName: oidc?.name ?? "single sign-on" }, { status: 403 });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!getSettings().localSignIn) return passwordsOff();
  return { off: false as const, minLength: minimumLength(user.mfaEnabled), maxLength: MAX_LENGTH, mfaEnabled: user.mfaEnabled };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!getSettings().localSignIn) return passwordsOff();
  const parsed = changePasswordSchema(user.mfaEnabled).safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      errors[field] ??= issue.message;
    }
    return data({ errors }, { status: 400 });
  }
  // Someone at an unattended, signed-in computer must not be able to guess the current password.
  const throttle = getThrottles().passwordChanges;
  const key = user.id;
  const retryAfterMs = await throttle.retryAfterMs(key);
  if (retryAfterMs > 0) {
    return tooManyAttempts({ errors: { currentPassword: tooManyAttemptsMessage(retryAfterMs) } as Errors }, retryAfterMs);
  }
  const result = await changePassword(db, {
    userId: user.id,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
  });
  if (!result.ok) {
    if (result.field === "currentPassword") await throttle.recordFailure(key);
    return data({ errors: { [result.field]: result.message } as Errors }, { status: 400 });
  }
  await throttle.reset(key);
  // Every session ended with the change; a new one for this browser. Redirect (not a page
  // from this action) so the next page is loaded with the new session cookie.
  const setCookie = await getSessionStore().createSession(request, user.id);
  return redirect("/account/password?changed=1", { status: 303, headers: { "Set-Cookie": setCookie } });
}

export default function ChangePasswordPage() {
  const page = useLoaderData<typeof loader>();
  if (page.off) {
    return (
      <div data-testid="passwords-off">
        <h1>The portal has no passwords</h1>
        <p className="usa-intro">
          Everyone signs in with {page.providerName}. To change your password, change it there: your county&apos;s help desk can
          tell you how.
        </p>
        <p>
          <Link to="/account/mfa">Two-step sign-in and recovery codes</Link>
        </p>
      </div>
    );
  }
  return <ChangePassword {...page} />;
}

function ChangePassword({ minLength, maxLength, mfaEnabled }: { minLength: number; maxLength: number; mfaEnabled: boolean }) {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors: Errors = (actionData && "errors" in actionData ? actionData.errors : undefined) ?? {};
  const errorList = (["currentPassword", "newPassword", "confirmPassword"] as const)
    .filter((f) => errors[f])
    .map((f): [string, string] => [f, errors[f] ?? ""]);

  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
        <h1>Change your password</h1>
        {searchParams.get("changed") === "1" && errorList.length === 0 ? (
          <div className="usa-alert usa-alert--success margin-bottom-3" role="status">
            <div className="usa-alert__body">
              <p className="usa-alert__text">Your password was changed. You were signed out on every other device.</p>
            </div>
          </div>
        ) : null}
        <ErrorSummary errors={errorList} />
        <Form method="post" className="usa-form usa-form--large" noValidate>
          <TextField
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            error={errors.currentPassword}
          />
          <TextField
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            error={errors.newPassword}
            hint={
              <>
                At least {minLength} characters{mfaEnabled ? " (your account has two-step sign-in)" : ""}, at most{" "}
                {maxLength}. A few unrelated words make a good password. Spaces count. Common and breached passwords are
                refused.
              </>
            }
          />
          <TextField
            name="confirmPassword"
            label="New password again"
            type="password"
            autoComplete="new-password"
            error={errors.confirmPassword}
          />
          <button type="submit" className="usa-button">
            Change password
          </button>
        </Form>
        <p className="margin-top-3">
          <Link to="/account/mfa">Two-step sign-in and recovery codes</Link>
        </p>
      </div>
    </div>
  );
}
