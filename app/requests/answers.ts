// How a request's answers map onto its database row: common answers in columns,
// type-specific ones in the `details` JSON.
import { type RequestType, REQUEST_TYPES, type RequestAnswers } from "workflows/view";

const COLUMN_FIELDS = ["title", "description", "effectiveDate", "endDate", "routing", "contactName", "contactPhone"] as const;
const DETAIL_FIELDS = ["materialsKind", "audienceSize", "languages", "unitOrLine", "callsPerMonth", "systemName"] as const;

export interface RequestColumns {
  type: string;
  title: string;
  description: string;
  effectiveDate: string | null;
  endDate: string | null;
  routing: string | null;
  contactName: string;
  contactPhone: string;
  details: string;
}

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === "string" && (REQUEST_TYPES as readonly string[]).includes(value);
}

/** Keep only the answers a request of this type has, trimmed. */
export function answersFrom(type: RequestType, input: Record<string, unknown>): RequestAnswers {
  const answers: RequestAnswers = { type };
  for (const field of [...COLUMN_FIELDS, ...DETAIL_FIELDS]) {
    const value = input[field];
    if (typeof value === "string") answers[field] = value.trim();
  }
  if (type !== "call_routing") delete answers.routing;
  if (type === "call_routing" && answers.routing !== "temporary") answers.endDate = "";
  return answers;
}

export function columnsOf(answers: RequestAnswers): RequestColumns {
  const details: Record<string, string> = {};
  for (const field of DETAIL_FIELDS) {
    if (answers[field] !== undefined) details[field] = answers[field];
  }
  return {
    type: answers.type,
    title: answers.title ?? "",
    description: answers.description ?? "",
    effectiveDate: answers.effectiveDate || null,
    endDate: answers.endDate || null,
    routing: answers.routing || null,
    contactName: answers.contactName ?? "",
    contactPhone: answers.contactPhone ?? "",
    details: JSON.stringify(details),
  };
}

export function answersOf(row: RequestColumns): RequestAnswers {
  const type = isRequestType(row.type) ? row.type : "materials";
  const details = JSON.parse(row.details || "{}") as Record<string, string>;
  return answersFrom(type, {
    ...details,
    title: row.title,
    description: row.description,
    effectiveDate: row.effectiveDate ?? "",
    endDate: row.endDate ?? "",
    routing: row.routing ?? "",
    contactName: row.contactName,
    contactPhone: row.contactPhone,
  });
}
