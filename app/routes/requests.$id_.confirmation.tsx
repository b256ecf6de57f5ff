// After submission (issue 4): the reference to quote, and what happens next.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { NEXT_STEP } from "~/requests/progress";
import { requestInContext } from "~/requests/requestRoute.server";
import { stateName } from "workflows/view";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Request ${data.reference} submitted – 3-1-1 Number Use Portal` : "Request submitted" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row, snapshot } = await requestInContext(request, params.id);
  const state = stateName(snapshot);
  // A draft has not been submitted: its check page is where to go.
  if (state === "draft") throw redirect(`/requests/${row.id}/check`);
  return { id: row.id, reference: row.reference, title: row.title, nextStep: NEXT_STEP[state] };
}

export default function Confirmation() {
  const { id, reference, title, nextStep } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const what = params.get("resubmitted") ? "Request resubmitted" : "Request submitted";
  return (
    <>
      <div className="usa-alert usa-alert--success margin-bottom-4" data-testid="confirmation">
        <div className="usa-alert__body">
          <h1 className="usa-alert__heading font-heading-xl">{what}</h1>
          <p className="usa-alert__text font-body-lg">
            Your reference is <strong data-testid="reference">{reference}</strong>
          </p>
          <p className="usa-alert__text">{title}</p>
        </div>
      </div>
      <p>Quote the reference if you contact COM or the 3-1-1 Contact Center about this request.</p>

      <h2>What happens next</h2>
      {nextStep ? <p data-testid="next-step">{nextStep}</p> : null}
      <ol className="usa-process-list">
        <li className="usa-process-list__item">
          <h3 className="usa-process-list__heading">Screening</h3>
          <p>
            The COM Director and Assistant Director have been sent your request by e-mail. One of them screens it: they
            may ask the 3-1-1 Contact Center to analyse the expected calls, ask you for changes, or reject it.
          </p>
        </li>
        <li className="usa-process-list__item">
          <h3 className="usa-process-list__heading">Call volume analysis and fee</h3>
          <p>
            If the calls are analysed, Finance may set a fee for the extra calls. You then accept it with an account code,
            dispute it, or decline it.
          </p>
        </li>
        <li className="usa-process-list__item">
          <h3 className="usa-process-list__heading">Decision</h3>
          <p>The Director and the Assistant Director both sign off. You get an e-mail at each step.</p>
        </li>
      </ol>
      <p>
        You can withdraw the request until it is approved. If the effective date arrives before approval, the request
        lapses.
      </p>
      <p>
        <Link className="usa-button" to={`/requests/${id}`}>
          Follow the request
        </Link>
        <Link className="usa-button usa-button--outline" to="/">
          Go to your home page
        </Link>
      </p>
    </>
  );
}
