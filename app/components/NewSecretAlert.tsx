// A secret the portal shows once, just after making it (a calendar address, an invitation
// link): the portal keeps only its hash, so this is the one chance to copy it.
export function NewSecretAlert({ label, secret, testId, alertTestId }: { label: string; secret: string; testId: string; alertTestId?: string }) {
  return (
    <div className="usa-alert usa-alert--success" role="status" data-testid={alertTestId}>
      <div className="usa-alert__body">
        <p className="usa-alert__text">
          {label}{" "}
          <code className="portal-secret" data-testid={testId}>
            {secret}
          </code>
        </p>
      </div>
    </div>
  );
}
