// The reviewer's request for changes, in their words: at the top of the request page and of
// the edit page while the department makes the changes (R9).
import { InstantText } from "./DateText";

export interface ChangeRequestQuote {
  /** "Dana Director, Director" */
  who: string;
  at: string;
  comment: string;
}

export function ChangesAskedFor({ changeRequest, timeZone }: { changeRequest: ChangeRequestQuote; timeZone: string }) {
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
          {changeRequest.who}, <InstantText at={changeRequest.at} timeZone={timeZone} />
        </p>
      </div>
    </div>
  );
}
