// The top of a page about one request: the way back to it, and the page's heading under
// the request's reference and title.
import { Link } from "@remix-run/react";

export function RequestHeading({ request, heading }: { request: { id: string; reference: string; title: string }; heading: string }) {
  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/requests/${request.id}`}>Back to {request.reference}</Link>
      </p>
      <h1 className="margin-top-1">
        <span className="text-base-dark font-body-md display-block">
          {request.reference}: {request.title}
        </span>
        {heading}
      </h1>
    </>
  );
}
