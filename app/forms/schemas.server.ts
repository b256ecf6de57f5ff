// Actions and loaders import from the modules that build zod schemas as they load only through
// this file. The build replaces a .server module with nothing in the browser, so a page never
// reaches those modules (and zod) on its first visit; its form fetches the schema on first use
// (useLazyForm). A page imports field names from the schema-free modules (admin/formFields.ts…).
export { departmentFormSchema } from "~/admin/departmentForm";
export { inviteFormSchema, accessFormSchema, userIntentSchema } from "~/admin/userForms";
export { appointmentFormSchema } from "~/admin/appointmentForm";
export { setPasswordSchema } from "~/admin/invitationForm";
export { changePasswordSchema } from "~/auth/passwordForm";
export { holidayFormSchema } from "~/holidays/holidayForm";
export { feeScheduleFormSchema } from "~/fees/feeScheduleForm";
export { costPerCall } from "~/fees/feeSchedule";
export { draftSchema, editIntentSchema, fieldErrors as requestFieldErrors, formSchema, newRequestIntentSchema } from "~/requests/requestSchema";
export { baselineFormSchema, postedHours } from "~/capacity/baselineForm";
export { feeFormSchema } from "~/fees/feeForm";
export { analysisFormSchema } from "~/analysis/analysisForm";
// The workflow's index brings the machine and the request schemas; pages take its words and
// dates from workflows/view, loaders and actions its answers from here.
export { attachCheck, availableActions, copyCheck, FINAL_STATES, requesterCheck, stateName, whyNot } from "workflows";
export { actionErrors, eventOf, requestActionSchema } from "~/requests/decisionForms";
