// The admin forms' field names, apart from their zod schemas: a page imports these, and only
// its first use of the form fetches the schema (useLazyForm), so zod is not on a first visit.
export const DEPARTMENT_FIELDS = ["code", "name", "partnerSince"] as const;

export const INVITE_FIELDS = ["email", "name", "departmentId", "roles"] as const;

export const ACCESS_FIELDS = ["departmentId", "roles"] as const;

export const ACTING_ROLES = ["director", "assistant_director"] as const;

export const APPOINTMENT_FIELDS = ["role", "startsOn", "endsOn"] as const;

export const SET_PASSWORD_FIELDS = ["newPassword", "confirmPassword"] as const;
