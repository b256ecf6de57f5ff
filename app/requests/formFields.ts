// What the request form asks for each type, in order: the label, the hint and the kind of
// input. The form, the check-your-answers page and the error summary read the same list,
// so a field is named the same everywhere.
import { formatDate, MATERIALS_KIND_LABELS, MATERIALS_KINDS, type AnswerField, type RequestType } from "workflows/view";

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldSpec {
  name: AnswerField;
  label: string;
  hint?: string;
  kind: "text" | "textarea" | "date" | "number" | "tel" | "select" | "radios";
  options?: FieldOption[];
}

const title: FieldSpec = {
  name: "title",
  label: "Title",
  hint: "A short name COM will recognise, like “Leaf collection mailer 2026”.",
  kind: "text",
};
const description: FieldSpec = {
  name: "description",
  label: "Description",
  hint: "What residents will see or hear, and why they may call 3-1-1.",
  kind: "textarea",
};
const contactName: FieldSpec = {
  name: "contactName",
  label: "Contact person",
  hint: "Who COM and the 3-1-1 Contact Center can ask about the request.",
  kind: "text",
};
const contactPhone: FieldSpec = { name: "contactPhone", label: "Contact phone", hint: "For example, 240-777-0311.", kind: "tel" };

const materials: FieldSpec[] = [
  title,
  description,
  {
    name: "materialsKind",
    label: "Kind of materials",
    kind: "select",
    options: [{ value: "", label: "- Select -" }, ...MATERIALS_KINDS.map((k) => ({ value: k, label: MATERIALS_KIND_LABELS[k] }))],
  },
  {
    name: "audienceSize",
    label: "Audience size",
    hint: "About how many people the materials will reach: pieces mailed, people reached. Digits only, like 40000.",
    kind: "number",
  },
  {
    name: "effectiveDate",
    label: "First distribution date",
    hint: "The distribution window starts on the day the first materials go out. This is the effective date the notice counts to.",
    kind: "date",
  },
  {
    name: "endDate",
    label: "Last distribution date",
    hint: "The distribution window ends on the day the last materials go out: the same day or later. Use the first date for a one-day mailing.",
    kind: "date",
  },
  { name: "languages", label: "Languages", hint: "The languages the materials are in, like English, Spanish.", kind: "text" },
  contactName,
  contactPhone,
];

const callRouting: FieldSpec[] = [
  title,
  description,
  {
    name: "unitOrLine",
    label: "Unit or line",
    hint: "The section, unit or phone line whose calls 3-1-1 will answer, like “Leaf collection hotline 240-777-0000”.",
    kind: "text",
  },
  {
    name: "callsPerMonth",
    label: "Calls a month",
    hint: "About how many calls a month that line receives now. Digits only, like 1200.",
    kind: "number",
  },
  {
    name: "routing",
    label: "Permanent or temporary",
    kind: "radios",
    options: [
      { value: "permanent", label: "Permanent: calls go to 3-1-1 from the effective date on" },
      { value: "temporary", label: "Temporary: calls go to 3-1-1 until an end date" },
    ],
  },
  { name: "effectiveDate", label: "First day calls are routed", hint: "The effective date the notice counts to.", kind: "date" },
  {
    name: "endDate",
    label: "Last day calls are routed",
    hint: "Temporary routing only: the same day as the first day or later. Leave it empty for permanent routing.",
    kind: "date",
  },
  contactName,
  contactPhone,
];

const automatedResponse: FieldSpec[] = [
  title,
  description,
  {
    name: "systemName",
    label: "Automated response system",
    hint: "The system 3-1-1 will transfer calls to, like “Permit status IVR”.",
    kind: "text",
  },
  { name: "effectiveDate", label: "Go-live date", hint: "The first day 3-1-1 transfers calls to the system.", kind: "date" },
  contactName,
  contactPhone,
];

export const FORM_FIELDS: Record<RequestType, FieldSpec[]> = {
  materials,
  call_routing: callRouting,
  automated_response: automatedResponse,
};

/** The text a person sees for a stored answer: the option's label for choices. */
export function displayValue(spec: FieldSpec, value: string | undefined): string {
  if (!value) return "";
  if (spec.kind === "date") return formatDate(value);
  return spec.options?.find((o) => o.value === value)?.label ?? value;
}
