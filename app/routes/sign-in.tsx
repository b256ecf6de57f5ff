import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { safeRedirectTo } from "~/auth/redirectTarget";
import { getUser } from "~/auth/session.server";
import { getSignIn } from "~/auth/sign-in.server";
import { signInContext } from "~/auth/signInContext.server";
import { signInSchema } from "~/auth/signInForms.server";
import { tooManyAttempts, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { db } from "~/db.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { passOnHeaders } from "~/http/routeHeaders";
import { getSettings } from "~/settings.server";

export const headers = passOnHeaders;

export const meta: MetaFunction = () => [{ title: "Sign in – 3-1-1 Number Use Portal" }];

type Field = "email" | "password";
interface ActionData {
  email: string;
  errors: Partial<Record<Field, string>>;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const params = new URL(request.url).searchParams;
  const { appUrl, oidc, localSignIn } = getSettings();
  const redirectTo = safeRedirectTo(params.get("redirectTo"), appUrl);
  if (user) throw redirect(redirectTo);
  return { ...(await signInContext(db, params, redirectTo)), providerName: oidc?.name ?? null, localSignIn };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // LOCAL_SIGN_IN=off: everyone signs in at the county's provider; no password is looked at.
  if (!getSettings().localSignIn) throw new Response("Sign in with your county account", { status: 403 });
  const form = Object.fromEntries(await request.formData());
  const email = typeof form.email === "string" ? form.email.trim().slice(0, 254) : "";
  const parsed = signInSchema.safeParse(form);
  if (!parsed.success) {
    const errors: ActionData["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "email" || field === "password") && !errors[field]) errors[field] = issue.message;
    }
    return data<ActionData>({ email, errors }, { status: 400 });
  }

  const signIn = getSignIn();
  const outcome = await signIn.checkPassword(parsed.data.email, parsed.data.password, context.clientAddress);
  if (outcome.kind === "locked") {
    return tooManyAttempts<ActionData>({ email, errors: { email: tooManyAttemptsMessage(outcome.retryAfterMs) } }, outcome.retryAfterMs);
  }
  if (outcome.kind === "refused") {
    // Same words whether the e-mail is unknown, the password wrong or the account inactive.
    return data<ActionData>(
      { email, errors: { email: "The e-mail address or password is not right" } },
      { status: 401 },
    );
  }
  return signIn.afterPassword(request, outcome.user, safeRedirectTo(parsed.data.redirectTo, getSettings().appUrl));
}

export default function SignIn() {
  const { invited, email, reference, providerName, localSignIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const errors = actionData?.errors ?? {};
  const errorList = (Object.entries(errors) as Array<[Field, string]>).filter(([, m]) => m);

  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
        <h1>Sign in</h1>
        {invited && !actionData ? (
          <div className="usa-alert usa-alert--success usa-alert--slim" role="status" data-testid="password-set">
            <div className="usa-alert__body">
              <p className="usa-alert__text">Your password is set. Sign in with it now.</p>
            </div>
          </div>
        ) : null}
        <p className="usa-intro" data-testid="sign-in-for">
          {reference
            ? `Sign in to see ${reference}.`
            : "Sign in with your county e-mail address to request use of the 3-1-1 number."}
        </p>

        <ErrorSummary errors={errorList} />

        {providerName ? (
          <p>
            {/* A full navigation: the browser leaves for the provider. */}
            <a
              className="usa-button usa-button--big"
              href={`/sign-in/oidc?${new URLSearchParams({ redirectTo: searchParams.get("redirectTo") ?? "/" }).toString()}`}
              data-testid="sign-in-with-provider"
            >
              Sign in with {providerName}
            </a>
          </p>
        ) : null}
        {providerName && localSignIn ? <h2 className="margin-top-4">Or sign in with a portal password</h2> : null}

        {localSignIn ? (
          <Form method="post" className="usa-form usa-form--large" noValidate>
            <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
            <div className={`usa-form-group${errors.email ? " usa-form-group--error" : ""}`}>
              <label className={`usa-label${errors.email ? " usa-label--error" : ""}`} htmlFor="email">
                E-mail address
              </label>
              {errors.email ? (
                <span className="usa-error-message" id="email-error">
                  {errors.email}
                </span>
            ) : null}
            <input
              className={`usa-input${errors.email ? " usa-input--error" : ""}`}
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              spellCheck={false}
              defaultValue={actionData?.email ?? email}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? "email-error" : undefined}
            />
          </div>
          <div className={`usa-form-group${errors.password ? " usa-form-group--error" : ""}`}>
            <label className={`usa-label${errors.password ? " usa-label--error" : ""}`} htmlFor="password">
              Password
            </label>
            {errors.password ? (
              <span className="usa-error-message" id="password-error">
                {errors.password}
              </span>
            ) : null}
            <input
              className={`usa-input${errors.password ? " usa-input--error" : ""}`}
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              // Back from choosing a password, the address is filled in: the password is what is left to type.
              autoFocus={email !== "" && !actionData}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? "password-error" : undefined}
            />
          </div>
          <button type="submit" className="usa-button" disabled={navigation.state === "submitting"}>
            Sign in
          </button>
        </Form>
        ) : null}
      </div>
    </div>
  );
}
