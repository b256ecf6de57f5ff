// Two-step sign-in on one's own account: enrol (optional for requesters and analysts;
// the other roles enrol at sign-in) and replace recovery codes.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  describeEnrolment,
  enableMfa,
  newTotpSecret,
  replaceRecoveryCodes,
  unusedRecoveryCodeCount,
  verifySecondFactor,
} from "~/auth/mfa.server";
import { getSessionStore, requireUser } from "~/auth/session.server";
import { getEnrolStore, setCookieHeaders } from "~/auth/sign-in.server";
import { getThrottles, tooManyAttempts, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { passOnHeaders } from "~/http/routeHeaders";
import { accountCodeSchema } from "~/auth/signInForms.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { MfaEnrolment, RecoveryCodes } from "~/components/MfaEnrolment";
import { TextField } from "~/components/Field";
import { db } from "~/db.server";
import { getSettings } from "~/settings.server";

export const headers = passOnHeaders;

export const meta: MetaFunction = () => [{ title: "Two-step sign-in – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // LOCAL_SIGN_IN=off (issue 18): no password, so no link to change one.
  const { localSignIn } = getSettings();
  if (user.mfaEnabled) {
    return data({ enabled: true as const, unusedCodes: await unusedRecoveryCodeCount(db, user.id), enrolment: null, localSignIn });
  }
  const enrol = getEnrolStore();
  const existing = await enrol.read(request, user.id);
  const secret = existing ?? newTotpSecret();
  const { secretForDisplay, qrDataUrl } = await describeEnrolment(secret, user.email);
  return data(
    { enabled: false as const, unusedCodes: 0, enrolment: { secretForDisplay, qrDataUrl }, localSignIn },
    { headers: existing ? undefined : { "Set-Cookie": await enrol.start(user.id, secret) } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = accountCodeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0].message, codes: null }, { status: 400 });
  const throttle = getThrottles().mfaCodes;
  const retryAfterMs = await throttle.retryAfterMs(user.id);
  if (retryAfterMs > 0) return tooManyAttempts({ error: tooManyAttemptsMessage(retryAfterMs), codes: null }, retryAfterMs);

  if (user.mfaEnabled) {
    // New recovery codes need a second factor now, not just a session.
    if (!(await verifySecondFactor(db, user.id, parsed.data.code))) {
      await throttle.recordFailure(user.id);
      return data({ error: "That code is not right", codes: null }, { status: 400 });
    }
    await throttle.reset(user.id);
    return data({ error: null, codes: await replaceRecoveryCodes(db, user.id) });
  }

  const enrol = getEnrolStore();
  const secret = await enrol.read(request, user.id);
  // The page was open too long: show a new QR code.
  if (!secret) return data({ error: "That took too long; scan the new QR code and try again", codes: null }, { status: 400 });
  const codes = await enableMfa(db, user.id, secret, parsed.data.code);
  if (!codes) {
    await throttle.recordFailure(user.id);
    return data({ error: "That code is not right; check the time on your phone and try the new code", codes: null }, { status: 400 });
  }
  await throttle.reset(user.id);
  // Other sessions were made with the password alone: end them.
  await getSessionStore().endOtherSessions(request, user.id);
  return data({ error: null, codes }, { headers: setCookieHeaders([await enrol.clear()]) });
}

export default function AccountMfa() {
  const { enabled, unusedCodes, enrolment, localSignIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error ?? undefined;

  if (actionData?.codes) {
    return (
      <>
        <h1>Two-step sign-in is on</h1>
        <RecoveryCodes codes={actionData.codes} />
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Two-step sign-in</h1>
      {enabled ? (
        <div className="grid-row">
          <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
            <p className="usa-intro">Two-step sign-in is on for your account.</p>
            <p data-testid="unused-codes">
              You have {unusedCodes} unused recovery code{unusedCodes === 1 ? "" : "s"}.
            </p>
            <h2>Make new recovery codes</h2>
            <p>Your old codes stop working. Type the code your app shows now.</p>
            <ErrorSummary errors={error ? [["code", error]] : []} />
            <Form method="post" className="usa-form" noValidate>
              <TextField name="code" label="6-digit code" error={error} autoComplete="one-time-code" inputMode="numeric" />
              <button type="submit" className="usa-button">
                Make new recovery codes
              </button>
            </Form>
          </div>
        </div>
      ) : enrolment ? (
        <>
          <p className="usa-intro">
            Add a code from your phone to your password, so a stolen password alone cannot open your account.
          </p>
          <MfaEnrolment enrolment={enrolment} error={error} />
        </>
      ) : null}
      {localSignIn ? (
        <p className="margin-top-3">
          <Link to="/account/password">Change your password</Link>
        </p>
      ) : null}
    </>
  );
}
