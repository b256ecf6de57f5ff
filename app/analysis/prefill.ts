// The analysis form starts from what the department already told us, so the analyst checks
// and completes figures rather than retyping them. Only answers that mean the same thing are
// carried over; rates and shares are the analyst's judgement and start blank.
import type { RequestAnswers } from "workflows/view";
import type { FormValues } from "~/forms/useZodForm";

export const SERVICE_TARGET_DEFAULTS = {
  targetServiceLevel: "0.8",
  targetAnswerSeconds: "60",
  businessHoursPerDay: "8",
} as const;

export function prefillAnalysis(answers: RequestAnswers, handleTimeMinutes: number): FormValues {
  const common: FormValues = {
    ...SERVICE_TARGET_DEFAULTS,
    handleTimeMinutes: String(handleTimeMinutes),
    peakHourShare: "",
    baselineCallsPerHour: "",
  };
  switch (answers.type) {
    case "materials":
      return {
        type: "materials",
        audienceSize: answers.audienceSize ?? "",
        responseRate: "",
        firstDistributionDate: answers.effectiveDate ?? "",
        lastDistributionDate: answers.endDate || answers.effectiveDate || "",
        ...common,
      };
    case "call_routing":
      return {
        type: "call_routing",
        callsPerMonth: answers.callsPerMonth ?? "",
        shareAt311: "",
        routing: answers.routing ?? "",
        startDate: answers.effectiveDate ?? "",
        endDate: answers.routing === "temporary" ? (answers.endDate ?? "") : "",
        ...common,
      };
    case "automated_response":
      return {
        type: "automated_response",
        transferredCallsPerMonth: "",
        handledBySystemShare: "",
        startDate: answers.effectiveDate ?? "",
        ...common,
      };
  }
}
