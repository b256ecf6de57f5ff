// The reviewer's request for changes, in their words: at the top of the request page and of
// the edit page while the department makes the changes (R9).
import type { ShownInstant } from "~/format";
import { InstantText } from "./DateText";

export interface ChangeRequestQuote {
  /** "Dana Director, Director" */
  who: string;
  at: ShownInstant;
  comment: string;
}

export function ChangesAskedFor({ changeRequest }: { changeRequest: ChangeRequestQuote }) {
  return (
    <div className="usa-alert usa-alert--warning margin-top-0 margin-bottom-2" role="region" aria-labelledby="changes-heading" data-testid="changes-asked-for">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id="changes-heading">
          Changes asked for
        </h2>
        <p className="usa-alert__text portal-quote" data-testid="reviewer-comment">
          {changeRequest.comment}
        </p>
        <p className="usa-alert__text font-body-2xs">
          {changeRequest.who}, <InstantText at={changeRequest.at} />
        </p>
      </div>
    </div>
  );
}
