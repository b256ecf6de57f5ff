// The department's partner status and the earliest effective date allowed (R4, R5, R7, R9),
// shown as soon as the type of request is known.
import { partnerStanding } from "workflows";
export interface NoticeSummary {
  departmentName: string;
  partner: boolean;
  days: number;
  rule: string;
  earliest: string;
  countedFrom: string;
  firstSubmission: boolean;
}

export function NoticePanel({ notice }: { notice: NoticeSummary }) {
  return (
    <div className="usa-summary-box margin-bottom-3" role="region" aria-labelledby="notice-heading" data-testid="notice">
      <div className="usa-summary-box__body">
        <h2 className="usa-summary-box__heading" id="notice-heading">
          Notice you must give
        </h2>
        <div className="usa-summary-box__text">
          <p>
            {notice.departmentName} {partnerStanding(notice.partner)}.
          </p>
          <p className="margin-bottom-0">
            {notice.firstSubmission
              ? `Notice counts from the first submission on ${notice.countedFrom}, and the date must be in the future (R9):`
              : `Notice counts from the day you submit. If you submit today (${notice.countedFrom}):`}{" "}
            <strong data-testid="earliest-date">the earliest effective date allowed is {notice.earliest}.</strong>
          </p>
        </div>
      </div>
    </div>
  );
}
