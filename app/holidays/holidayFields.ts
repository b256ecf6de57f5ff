// The holiday form's field names, apart from its zod schema (see admin/formFields.ts).
export const ADD_HOLIDAY_FIELDS = ["date", "name"] as const;
