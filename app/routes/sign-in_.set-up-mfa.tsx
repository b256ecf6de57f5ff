// Sign-in, second step for an account whose role needs MFA but has none yet:
// enrol an authenticator app, see the recovery codes once, then go on signed in.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { MfaEnrolment, RecoveryCodes } from "~/components/MfaEnrolment";
import { describeEnrolment, enableMfa, newTotpSecret } from "~/auth/mfa.server";
import { getSessionStore } from "~/auth/session.server";
import { getPendingStore, setCookieHeaders } from "~/auth/sign-in.server";
import { getThrottles, tooManyAttempts, tooManyAttemptsMessage } from "~/auth/throttle.server";
import { passOnHeaders } from "~/http/routeHeaders";
import { enrolCodeSchema } from "~/auth/signInForms.server";
import { db } from "~/db.server";

export const headers = passOnHeaders;

export const meta: MetaFunction = () => [{ title: "Set up two-step sign-in – 3-1-1 Number Use Portal" }];

/** The pending sign-in of an active account still without MFA; null otherwise. */
async function pendingUser(request: Request) {
  const pending = await getPendingStore().read(request);
  if (!pending) return null;
  const user = await db.user.findUnique({ where: { id: pending.userId }, select: { email: true, mfaSecret: true, active: true } });
  if (!user || !user.active || user.mfaSecret) return null;
  return { pending, email: user.email };
}

// No redirect when there is nothing to enrol: this loader also runs right after a
// successful enrolment (the pending cookie is then spent), and the page must still show
// the recovery codes the action returned.
export async function loader({ request }: LoaderFunctionArgs) {
  const found = await pendingUser(request);
  if (!found) return data({ enrolment: null });
  const { pending, email } = found;
  // One secret per pending sign-in, so reloading the page shows the same QR code.
  const secret = pending.enrolSecret ?? newTotpSecret();
  const enrolment = await describeEnrolment(secret, email);
  const headers = pending.enrolSecret ? undefined : { "Set-Cookie": await getPendingStore().withEnrolSecret(pending, secret) };
  return data({ enrolment: { secretForDisplay: enrolment.secretForDisplay, qrDataUrl: enrolment.qrDataUrl } }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const found = await pendingUser(request);
  if (!found) throw redirect("/sign-in", 303);
  const { pending } = found;
  if (!pending.enrolSecret) throw redirect("/sign-in/set-up-mfa", 303);
  const parsed = enrolCodeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0].message, codes: null }, { status: 400 });

  const throttle = getThrottles().mfaCodes;
  const retryAfterMs = await throttle.retryAfterMs(pending.userId);
  if (retryAfterMs > 0) return tooManyAttempts({ error: tooManyAttemptsMessage(retryAfterMs), codes: null }, retryAfterMs);
  const codes = await enableMfa(db, pending.userId, pending.enrolSecret, parsed.data.code);
  if (!codes) {
    await throttle.recordFailure(pending.userId);
    return data({ error: "That code is not right; check the time on your phone and try the new code", codes: null }, { status: 400 });
  }
  await throttle.reset(pending.userId);
  const sessionCookie = await getSessionStore().createSession(request, pending.userId, new Date(), { ...getPendingStore().how(pending), secondFactor: "portal code" });
  return data(
    { error: null, codes, redirectTo: pending.redirectTo },
    { headers: setCookieHeaders([await getPendingStore().clear(), sessionCookie]) },
  );
}

export default function SetUpMfa() {
  const { enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.codes) {
    return (
      <>
        <h1>Two-step sign-in is on</h1>
        <RecoveryCodes codes={actionData.codes} />
        <p>
          <Link className="usa-button" to={"redirectTo" in actionData ? actionData.redirectTo : "/"}>
            I have kept my codes; continue
          </Link>
        </p>
      </>
    );
  }
  if (!enrolment) {
    return (
      <>
        <h1>Sign in again</h1>
        <p className="usa-intro">This step of signing in has timed out or is already done.</p>
        <p>
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Set up two-step sign-in</h1>
      <p className="usa-intro">
        Your account reviews or approves county decisions, so signing in needs a code from your phone as well as your
        password.
      </p>
      <MfaEnrolment enrolment={enrolment} error={actionData?.error ?? undefined} />
    </>
  );
}
