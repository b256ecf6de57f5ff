import { Link } from "@remix-run/react";

/** The way into a new request, for people who may start one. */
export function NewRequestButton() {
  return (
    <p>
      <Link className="usa-button" to="/requests/new">
        Start a new request
      </Link>
    </p>
  );
}
