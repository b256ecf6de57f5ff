// Checking a letter (R20): a signed-in person types the reference and code a letter shows, and
// learns whether the portal's record issued that letter. Someone who may not see the request
// (R1) hears the same "no match" as for a wrong code, so the page reveals nothing of it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/Field";
import { requireUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { letterFacts } from "~/letters/letterFacts.server";
import { normalizeCode } from "~/letters/verificationCode";
import { findVisibleRequest } from "~/requests/queries.server";
import { STATE_LABELS, stateName, restore } from "workflows";

export const meta: MetaFunction = () => [{ title: "Verify a letter – 3-1-1 Number Use Portal" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const reference = (params.reference ?? "").trim().toUpperCase();
  const typed = new URL(request.url).searchParams.get("code") ?? "";
  if (!typed.trim()) return { reference, code: "", result: null };
  const code = normalizeCode(typed);
  const found = await db.request.findUnique({ where: { reference }, select: { id: true } });
  const row = found ? await findVisibleRequest(db, user, found.id).catch(() => null) : null;
  const facts = row ? await letterFacts(db, row) : null;
  if (!row || !facts || facts.code !== code) return { reference, code, result: { matches: false as const } };
  return {
    reference,
    code,
    result: {
      matches: true as const,
      id: row.id,
      kind: facts.kind,
      title: facts.title,
      department: facts.department,
      decidedOn: facts.decidedOn,
      state: STATE_LABELS[stateName(restore(row.snapshot, row.machineVersion))],
      files: facts.files,
    },
  };
}

export default function VerifyLetter() {
  const { reference, code, result } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Verify a letter</h1>
      {result?.matches ? (
        <div className="usa-alert usa-alert--success" role="status" data-testid="verify-result">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">The letter matches the record</h2>
            <p className="usa-alert__text">
              The {result.kind} letter for <Link to={`/requests/${result.id}`}>{reference}</Link> ({result.title}, {result.department}), decided{" "}
              {result.decidedOn}, has the code {code}. The request is now: {result.state}.
            </p>
            {result.files.length > 0 ? (
              <p className="usa-alert__text">
                Approved materials: {result.files.map((f) => `${f.fileName} (SHA-256 ${f.sha256})`).join("; ")}.
              </p>
            ) : null}
          </div>
        </div>
      ) : result ? (
        <div className="usa-alert usa-alert--error" role="alert" data-testid="verify-result">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">No letter matches</h2>
            <p className="usa-alert__text">
              The portal issued no letter you can see with the reference {reference} and the code {code}. Check both against the letter; if they
              are right, the letter did not come from the portal.
            </p>
          </div>
        </div>
      ) : null}
      <Form method="get" className="usa-form">
        <p>Reference: {reference}</p>
        <TextField name="code" label="Verification code" hint="8 letters and digits, as on the letter, for example 7K2M-QX9D." defaultValue={code} />
        <button type="submit" className="usa-button">
          Verify
        </button>
      </Form>
    </>
  );
}
