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
