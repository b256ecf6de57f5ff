import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { authenticate, createUserSession, getUser, safeRedirectTo } from "~/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in – 3-1-1 Number Use Portal" }];

type Field = "email" | "password";
interface ActionData {
  email: string;
  errors: Partial<Record<Field, string>>;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) {
    throw redirect(safeRedirectTo(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const redirectTo = safeRedirectTo(form.get("redirectTo"));

  const errors: ActionData["errors"] = {};
  if (!email) errors.email = "Enter your e-mail address";
  if (!password) errors.password = "Enter your password";
  if (errors.email || errors.password) {
    return data<ActionData>({ email, errors }, { status: 400 });
  }

  const user = await authenticate(email, password);
  if (!user) {
    // Same words whether the e-mail is unknown, the password wrong or the account inactive.
    return data<ActionData>(
      { email, errors: { email: "The e-mail address or password is not right" } },
      { status: 401 },
    );
  }
  return createUserSession(request, user.id, redirectTo);
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors = actionData?.errors ?? {};
  const errorList = (Object.entries(errors) as Array<[Field, string]>).filter(([, m]) => m);

  useEffect(() => {
    if (errorList.length > 0) summaryRef.current?.focus();
  }, [actionData]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
        <h1>Sign in</h1>
        <p className="usa-intro">Sign in with your county e-mail address to request use of the 3-1-1 number.</p>

        {errorList.length > 0 ? (
          <div
            className="usa-alert usa-alert--error margin-bottom-3"
            role="alert"
            tabIndex={-1}
            ref={summaryRef}
            aria-labelledby="error-summary-heading"
          >
            <div className="usa-alert__body">
              <h2 className="usa-alert__heading" id="error-summary-heading">
                There is a problem
              </h2>
              <ul className="usa-list usa-list--unstyled">
                {errorList.map(([field, message]) => (
                  <li key={field}>
                    <a href={`#${field}`}>{message}</a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}

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
              defaultValue={actionData?.email ?? ""}
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
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? "password-error" : undefined}
            />
          </div>
          <button type="submit" className="usa-button" disabled={navigation.state === "submitting"}>
            Sign in
          </button>
        </Form>
      </div>
    </div>
  );
}
