// The analysis form's "Past accuracy for similar requests" (issue 19): how far the calculator was
// from the calls that came for similar past requests, the factor that suggests, and the field
// where the analyst decides the factor (`children`). A fieldset of the form, so the factor is
// posted with the calculator's inputs.
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { MIN_CALIBRATION_REQUESTS, percentageBias } from "~/actuals/accuracy";
import { biasWords, CALIBRATION_FACTOR, formatFactor, mapeWords, type CalibrationOffer } from "~/analysis/calibration";
import { formatCount } from "~/format";

export interface SimilarRequest {
  id: string;
  reference: string;
  title: string;
  /** The calculator's forecast over the compared days, before any calibration. */
  calculated: number;
  actual: number;
}

const SIMILARITY_WORDS = { type_and_department: "of the same type from this department", type: "of the same type" } as const;

const pastRequests = (n: number) => `${formatCount(n)} past ${n === 1 ? "request" : "requests"}`;

// A no-break space keeps "+33 %" on one line in a narrow column.
const signedPercent = (share: number | null) => (share === null ? "–" : `${share > 0 ? "+" : ""}${Math.round(share * 100)}\u00a0%`);

/** How far off they were: the bias, and the mean absolute error when misses in both directions make it larger. */
function errorWords(bias: number, mape: number): string {
  const spread = Math.round(mape * 100) > Math.round(Math.abs(bias) * 100) ? ` (${mapeWords(mape)})` : "";
  return `The calculator's ${biasWords(bias)}${spread}. `;
}

function Findings({ offer }: { offer: CalibrationOffer }) {
  const { basis, suggested } = offer;
  const similar = `${pastRequests(basis.requests)} ${SIMILARITY_WORDS[basis.similarity]}`;
  if (suggested === null) {
    return (
      <p data-testid="calibration-summary">
        {basis.requests === 0 ? "No past request of the same type has actual calls to compare yet" : `Only ${similar} has actual calls to compare`}: too few
        to suggest a calibration factor (at least {MIN_CALIBRATION_REQUESTS} are needed).
      </p>
    );
  }
  // The suggestion is held within the range the form accepts; say so when that changed it.
  const ratio = formatFactor(basis.actual / basis.forecast);
  const limited = ratio !== formatFactor(suggested);
  return (
    <p data-testid="calibration-summary">
      {similar} have actual calls to compare.{" "}
      {basis.bias === null || basis.mape === null ? "None of them had any calls. " : errorWords(basis.bias, basis.mape)}
      It forecast {formatCount(Math.round(basis.forecast))} calls for them and {formatCount(basis.actual)} came: the suggested calibration factor is{" "}
      <strong data-testid="suggested-factor">{formatFactor(suggested)}</strong>
      {limited ? `, the ${suggested === CALIBRATION_FACTOR.min ? "lowest" : "highest"} allowed (their calls were ${ratio} times the forecast)` : ""}.
    </p>
  );
}

export function CalibrationPanel({
  offer,
  similar,
  more,
  linked,
  children,
}: {
  offer: CalibrationOffer;
  /** The similar requests shown, and how many more there are. */
  similar: SimilarRequest[];
  more: number;
  /** Whether the signed-in person may open the requests (R1): only then are they links. */
  linked: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset className="usa-fieldset margin-top-3" data-testid="calibration-panel">
      <legend className="usa-legend usa-legend--large">Past accuracy for similar requests</legend>
      <Findings offer={offer} />
      {similar.length > 0 ? (
        <table className="usa-table usa-table--borderless usa-table--compact usa-table--stacked" data-testid="similar-requests">
          <caption>Similar requests: the calculator&apos;s forecast against the calls that came, over the days the imports reach</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Forecast</th>
              <th scope="col">Actual</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {similar.map((o) => (
              <tr key={o.id}>
                <th scope="row" data-label="Request">
                  {linked ? (
                    <Link to={`/requests/${o.id}`}>
                      {o.reference}: {o.title}
                    </Link>
                  ) : (
                    `${o.reference}: ${o.title}`
                  )}
                </th>
                <td data-label="Forecast">{formatCount(o.calculated)}</td>
                <td data-label="Actual">{formatCount(o.actual)}</td>
                <td data-label="Error">{signedPercent(percentageBias({ forecast: o.calculated, actual: o.actual }))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {more > 0 ? <p>And {formatCount(more)} more, counted above.</p> : null}
      {children}
    </fieldset>
  );
}
