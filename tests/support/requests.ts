// A complete materials request's answers, as the form would store them, for tests.
import { columnsOf, type RequestColumns } from "../../app/requests/answers";

export function materialsColumns(effectiveDate: string, title = "Leaf collection mailer", endDate = effectiveDate): RequestColumns {
  return columnsOf({
    type: "materials",
    title,
    description: "Postcards announcing the leaf collection schedule.",
    effectiveDate,
    endDate,
    materialsKind: "mailing",
    audienceSize: "40000",
    languages: "English, Spanish",
    contactName: "Pat Partner",
    contactPhone: "240-777-0311",
  });
}

/** The analysis form for a one-day mailing to 40 000 households at 2 %: 800 calls. */
export function analysisFields(distributionDate: string): Record<string, string> {
  return {
    audienceSize: "40000",
    responseRate: "0.02",
    firstDistributionDate: distributionDate,
    lastDistributionDate: distributionDate,
    handleTimeMinutes: "5",
    targetServiceLevel: "0.8",
    targetAnswerSeconds: "60",
    businessHoursPerDay: "8",
  };
}
