// The fee schedule form (admin): every figure of a schedule but its version number, which the
// server gives on saving. The same schema checks the form in the browser and in the action.
import * as z from "~/forms/zod";
import { feeScheduleSchema } from "./feeSchedule";
import { FEE_SCHEDULE_FIELDS } from "./feeFields";
export { FEE_SCHEDULE_FIELDS };

export const feeScheduleFormSchema = z.omit(feeScheduleSchema, { version: true });

export type FeeScheduleForm = z.infer<typeof feeScheduleFormSchema>;

