// Enrolling an authenticator app: scan the QR code (or type the key), then prove it with a code.
// The QR code is an image made on the server, so this works without JavaScript.
import { Form } from "@remix-run/react";
import { ErrorSummary } from "./ErrorSummary";
import { TextField } from "./Field";

export interface EnrolmentView {
  secretForDisplay: string;
  qrDataUrl: string;
}

export function MfaEnrolment({ enrolment, error }: { enrolment: EnrolmentView; error?: string }) {
  return (
    <>
      <ErrorSummary errors={error ? [["code", error]] : []} />
      <ol className="usa-process-list">
        <li className="usa-process-list__item">
          <h2 className="usa-process-list__heading">Add the portal to your authenticator app</h2>
          <p>
            Use any authenticator app (for example Microsoft Authenticator, Google Authenticator or 1Password). Scan
            this QR code with it:
          </p>
          <img src={enrolment.qrDataUrl} alt="QR code to add the portal to your authenticator app" width={200} height={200} />
          <p>If you cannot scan it, type this key into the app instead (time-based, 6 digits):</p>
          <p>
            <code className="portal-secret" data-testid="mfa-secret">
              {enrolment.secretForDisplay}
            </code>
          </p>
        </li>
        <li className="usa-process-list__item">
          <h2 className="usa-process-list__heading">Type the code the app shows</h2>
          <Form method="post" className="usa-form" noValidate>
            <TextField
              name="code"
              label="6-digit code"
              error={error}
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
            />
            <button type="submit" className="usa-button">
              Turn on two-step sign-in
            </button>
          </Form>
        </li>
      </ol>
    </>
  );
}

/** Shown once, right after enrolment: the only time the codes exist outside their hashes. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="recovery-codes-heading">
      <h2 id="recovery-codes-heading">Your recovery codes</h2>
      <p>
        Each code lets you sign in once without your phone. Print them or write them down and keep them somewhere safe.{" "}
        <strong>They will not be shown again.</strong>
      </p>
      <ul className="usa-list portal-recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
