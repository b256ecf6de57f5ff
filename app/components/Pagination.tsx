// Previous and next page links, USWDS style, for every paged list (requests, a calendar day,
// fees). Nothing is rendered when there is only one page.
import { Link } from "@remix-run/react";

export function Pagination({ label = "Pages", previous, next }: { label?: string; previous: string | null; next: string | null }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="usa-pagination">
      <ul className="usa-pagination__list">
        {previous ? (
          <li className="usa-pagination__item">
            <Link className="usa-pagination__link" to={previous}>
              Previous page
            </Link>
          </li>
        ) : null}
        {next ? (
          <li className="usa-pagination__item">
            <Link className="usa-pagination__link" to={next}>
              Next page
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
