// The issue 5 forms' schemas and helpers: what each accepts and refuses, in the browser and
// the action alike.
import { describe, expect, it } from "vitest";
import { appointmentFormSchema } from "../../app/admin/appointmentForm";
import { departmentFormSchema } from "../../app/admin/departmentForm";
import { setPasswordSchema } from "../../app/admin/invitationForm";
import { accessFormSchema, inviteFormSchema } from "../../app/admin/userForms";
import { analysisFormSchema } from "../../app/analysis/analysisForm";
import { prefillAnalysis } from "../../app/analysis/prefill";
import { feeFormSchema } from "../../app/fees/feeForm";
import { feeScheduleFormSchema } from "../../app/fees/feeScheduleForm";
import { fieldErrors } from "../../app/forms/fieldErrors";
import { nestFields } from "../../app/forms/nestFields";
import { navLinks } from "../../app/navigation";

describe("forms", () => {
  it("nests dotted field names the way react-hook-form does", () => {
    expect(nestFields({ a: "1", "b.c": "2", "b.d": "3" })).toEqual({ a: "1", b: { c: "2", d: "3" } });
  });

  it("fee schedule: dollars in whole cents, errors named by the posted field", () => {
    const bad = feeScheduleFormSchema.safeParse(
      nestFields({ loadedHourlyCost: "52.001", averageHandleMinutes: "5", "setupFees.materials": "0", "setupFees.call_routing": "-1", "setupFees.automated_response": "500" }),
    );
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(fieldErrors(bad.error)).toEqual({
        loadedHourlyCost: "The loaded hourly cost must be in whole cents",
        "setupFees.call_routing": "The call routing set-up fee cannot be negative",
      });
    }
  });

  it("fee: an amount of 0 or more in whole cents; the reason is the machine's business", () => {
    expect(feeFormSchema.parse({ amount: "0", reason: "", scheduleVersion: "1" })).toEqual({ amount: 0, reason: "", scheduleVersion: 1 });
    expect(feeFormSchema.safeParse({ amount: "-5", scheduleVersion: "1" }).success).toBe(false);
    expect(feeFormSchema.safeParse({ amount: "", scheduleVersion: "1" }).success).toBe(false);
  });

  it("analysis: the request type picks the calculator, and the recommendation is optional", () => {
    const parsed = analysisFormSchema.parse({
      type: "call_routing",
      callsPerMonth: "3000",
      shareAt311: "0.5",
      routing: "permanent",
      startDate: "2026-12-01",
      endDate: "",
      handleTimeMinutes: "5",
      recommendation: "",
    });
    expect(parsed).toMatchObject({ type: "call_routing", callsPerMonth: 3000, targetServiceLevel: 0.8, targetAnswerSeconds: 60 });
    expect(analysisFormSchema.safeParse({ type: "call_routing", routing: "temporary", startDate: "2026-12-01" }).success).toBe(false);
  });

  it("analysis prefill carries over the department's answers and leaves judgement blank", () => {
    expect(
      prefillAnalysis({ type: "call_routing", callsPerMonth: "1200", routing: "temporary", effectiveDate: "2026-12-01", endDate: "2026-12-31" }, 5),
    ).toMatchObject({ callsPerMonth: "1200", shareAt311: "", routing: "temporary", startDate: "2026-12-01", endDate: "2026-12-31", handleTimeMinutes: "5" });
  });

  it("department: an upper-case code, and a blank partnership means none", () => {
    expect(departmentFormSchema.parse({ code: "dpw", name: "Public Works", partnerSince: "" })).toEqual({ code: "DPW", name: "Public Works", partnerSince: null });
    expect(departmentFormSchema.safeParse({ code: "D", name: "x", partnerSince: "2026-02-30" }).success).toBe(false);
  });

  it("invite: an e-mail address, lower-cased, and at least one known role", () => {
    expect(inviteFormSchema.parse({ email: " Jane@Example.gov ", name: "Jane", departmentId: "", roles: "analyst" })).toEqual({
      email: "jane@example.gov",
      name: "Jane",
      departmentId: null,
      roles: ["analyst"],
    });
    expect(inviteFormSchema.safeParse({ email: "jane@example.gov", name: "Jane", departmentId: "", roles: [] }).success).toBe(false);
    expect(accessFormSchema.safeParse({ departmentId: "", roles: ["superuser"] }).success).toBe(false);
    expect(accessFormSchema.parse({ departmentId: "x", roles: false })).toEqual({ departmentId: "x", roles: [] });
  });

  it("acting appointment: dates in order, reviewing roles only (R3)", () => {
    expect(appointmentFormSchema.safeParse({ role: "director", startsOn: "2026-12-02", endsOn: "2026-12-01" }).success).toBe(false);
    expect(appointmentFormSchema.safeParse({ role: "admin", startsOn: "2026-12-01", endsOn: "2026-12-01" }).success).toBe(false);
    expect(appointmentFormSchema.safeParse({ role: "assistant_director", startsOn: "2026-12-01", endsOn: "2026-12-01" }).success).toBe(true);
  });

  it("first password: long enough for an account without MFA, typed twice the same", () => {
    expect(setPasswordSchema.safeParse({ newPassword: "short", confirmPassword: "short" }).success).toBe(false);
    expect(setPasswordSchema.safeParse({ newPassword: "a".repeat(15), confirmPassword: "b".repeat(15) }).success).toBe(false);
    expect(setPasswordSchema.safeParse({ newPassword: "a long pass phrase", confirmPassword: "a long pass phrase" }).success).toBe(true);
  });
});

describe("navigation", () => {
  it("offers each role its pages only", () => {
    const as = (...roles: string[]) => navLinks({ roles: roles.map((role) => ({ role: role as never, acting: false })) }).map((l) => l.to);
    expect(as("requester")).toEqual([]);
    expect(as("analyst")).toEqual(["/calendar", "/capacity/baseline", "/actuals", "/accuracy"]);
    expect(as("director")).toEqual(["/calendar", "/accuracy"]);
    expect(as("finance")).toEqual(["/finance"]);
    expect(as("admin")).toEqual(["/admin"]);
  });
});
