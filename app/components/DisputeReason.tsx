// The department's reason for disputing a fee, in its words, for Finance reassessing it.
import type { ChangeRequestQuote } from "./ChangesAskedFor";
import { InstantText } from "./DateText";

export function DisputeReason({ dispute, headingLevel }: { dispute: ChangeRequestQuote; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="usa-summary-box margin-bottom-2" role="region" aria-labelledby="dispute-heading" data-testid="dispute">
      <div className="usa-summary-box__body">
        <Heading className="usa-summary-box__heading" id="dispute-heading">
          The department disputes the fee
        </Heading>
        <p className="usa-summary-box__text portal-quote">{dispute.comment}</p>
        <p className="usa-summary-box__text font-body-2xs margin-bottom-0">
          {dispute.who}, <InstantText at={dispute.at} />
        </p>
      </div>
    </div>
  );
}
