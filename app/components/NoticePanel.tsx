// The department's partner status and the earliest effective date allowed (R4, R5, R7, R9),
// shown as soon as the type of request is known. The rules in words: people do not know their codes.
import { partnerStanding } from "workflows/view";
import { DateText } from "./DateText";

export interface NoticeSummary {
  departmentName: string;
  partner: boolean;
  days: number;
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
            {notice.firstSubmission ? (
              <>
                Notice counts from the first submission, on <DateText date={notice.countedFrom} />, and the date must still be in
                the future:
              </>
            ) : (
              <>
                Notice counts from the day you submit. If you submit today, <DateText date={notice.countedFrom} />:
              </>
            )}{" "}
            <strong data-testid="earliest-date">
              the earliest effective date allowed is <DateText date={notice.earliest} />.
            </strong>
          </p>
        </div>
      </div>
    </div>
  );
}
