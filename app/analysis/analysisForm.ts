// The analysis form's one schema, in the browser and in the action: the calculator's inputs
// (projectionInputSchema) and the analyst's own recommendation, which may be left blank to
// keep the calculator's.
import * as z from "~/forms/zod";
import { projectionInputSchema } from "./projectionInput";

export const analysisFormSchema = z.intersection(
  projectionInputSchema,
  z.object({
    recommendation: z.optional(z.string().check(z.trim(), z.maxLength(2000, "Use 2,000 characters or fewer"))),
  }),
);

export type AnalysisForm = z.infer<typeof analysisFormSchema>;
