// Sign-in, second step: the code from the authenticator app, or a recovery code.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Field";
import { getPendingStore, getSignIn, setCookieHeaders } from "~/auth/sign-in.server";
import { signInCodeSchema } from "~/auth/signInForms.server";
import { tooManyAttempts, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { passOnHeaders } from "~/http/routeHeaders";

export const headers = passOnHeaders;

export const meta: MetaFunction = () => [{ title: "Enter your code – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await getPendingStore().read(request);
  if (!pending) throw redirect("/sign-in");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const pending = await getPendingStore().read(request);
  // The ten minutes ran out (or the cookie was tampered with): start again.
  if (!pending) throw redirect("/sign-in", 303);
  const parsed = signInCodeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0].message }, { status: 400 });

  const outcome = await getSignIn().checkCode(request, pending, parsed.data.code);
  if (outcome.kind === "locked") {
    return tooManyAttempts({ error: tooManyAttemptsMessage(outcome.retryAfterMs) }, outcome.retryAfterMs);
  }
  if (outcome.kind === "refused") return data({ error: "That code is not right" }, { status: 401 });
  throw redirect(pending.redirectTo, { status: 303, headers: setCookieHeaders(outcome.setCookies) });
}

export default function VerifyCode() {
  const actionData = useActionData<typeof action>();
  const error = actionData?.error;
  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
        <h1>Enter your code</h1>
        <p className="usa-intro">Open the authenticator app on your phone and type the 6-digit code it shows for the portal.</p>
        <ErrorSummary errors={error ? [["code", error]] : []} />
        <Form method="post" className="usa-form usa-form--large" noValidate>
          <TextField
            name="code"
            label="Code"
            hint="If you do not have your phone, type one of your recovery codes instead."
            error={error}
            autoComplete="one-time-code"
            spellCheck={false}
            autoCapitalize="characters"
          />
          <button type="submit" className="usa-button">
            Continue
          </button>
        </Form>
        <p className="margin-top-3">
          <Link to="/sign-in">Sign in as someone else</Link>
        </p>
      </div>
    </div>
  );
}
