// The analysis form's one schema, in the browser and in the action: the calculator's inputs
// (projectionInputSchema), the calibration factor the analyst applies to the calculator's calls
// (1, or blank, for none), and the analyst's own recommendation, which may be left blank to keep
// the calculator's.
import { blankAsMissing } from "~/forms/blankAsMissing";
import { decimalNumber } from "~/forms/numbers";
import * as z from "~/forms/zod";
import { CALIBRATION_FACTOR } from "./calibration";
import { projectionInputSchema } from "./projectionInput";

// Hundredths, compared with a tolerance: 0.85 × 100 is 84.99999999999999 in binary floating point.
const inHundredths = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;

export const calibrationFactorSchema = blankAsMissing(
  z._default(
    decimalNumber("Enter the calibration factor as a number, such as 0.85 (1 for none)").check(
      z.gte(CALIBRATION_FACTOR.min, `The calibration factor must be at least ${CALIBRATION_FACTOR.min}`),
      z.lte(CALIBRATION_FACTOR.max, `The calibration factor must be at most ${CALIBRATION_FACTOR.max}`),
      z.refine(inHundredths, "Give the calibration factor with at most two decimals, such as 0.85"),
    ),
    CALIBRATION_FACTOR.none,
  ),
);

export const analysisFormSchema = z.intersection(
  projectionInputSchema,
  z.object({
    calibrationFactor: calibrationFactorSchema,
    recommendation: z.optional(z.string().check(z.trim(), z.maxLength(2000, "Use 2,000 characters or fewer"))),
  }),
);

export type AnalysisForm = z.infer<typeof analysisFormSchema>;
