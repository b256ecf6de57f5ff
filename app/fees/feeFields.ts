// The fee forms' field names, apart from their zod schemas (see admin/formFields.ts).
export const FEE_SCHEDULE_FIELDS = [
  "loadedHourlyCost",
  "averageHandleMinutes",
  "setupFees.materials",
  "setupFees.call_routing",
  "setupFees.automated_response",
] as const;

export const FEE_FORM_FIELDS = ["amount", "reason"] as const;
