// The analysis form's one schema, in the browser and in the action: the calculator's inputs
// (projectionInputSchema) and the analyst's own recommendation, which may be left blank to
// keep the calculator's.
import * as z from "zod";
import { projectionInputSchema } from "./projectionInput";

export const analysisFormSchema = z.intersection(
  projectionInputSchema,
  z.object({
    recommendation: z.string().trim().max(2000, "Use 2,000 characters or fewer").optional(),
  }),
);

export type AnalysisForm = z.infer<typeof analysisFormSchema>;
