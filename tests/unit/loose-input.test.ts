// Issue 15, item 8: loose input the probe got through. Money is a plain decimal with at most
// two places; every other number a form takes is plain decimal too; dates are real calendar
// dates within a sane range, in drafts as well as in submissions; guessable passwords are
// refused (scored with @zxcvbn-ts/core, as NIST SP 800-63B-4 allows).
import { describe, expect, it } from "vitest";
import { appointmentFormSchema } from "../../app/admin/appointmentForm";
import { departmentFormSchema } from "../../app/admin/departmentForm";
import { projectionInputSchema } from "../../app/analysis/projectionInput";
import { newPasswordProblem } from "../../app/auth/password-check.server";
import { feeFormSchema } from "../../app/fees/feeForm";
import { feeScheduleFormSchema } from "../../app/fees/feeScheduleForm";
import { nestFields } from "../../app/forms/nestFields";
import { draftSchema, fieldErrors } from "../../app/requests/requestSchema";
import { requestSchemas } from "workflows";

const fee = (amount: string) => feeFormSchema.safeParse({ amount, reason: "", scheduleVersion: "1" });
const NOT_NUMBERS = ["1e3", "1E3", "0x10", "0b11", "0o7", "Infinity", "NaN", "1_000", ".", "1.2.3", "12abc", "+5", "١٢"];

describe("money (the fee, the fee schedule)", () => {
  it.each(NOT_NUMBERS)("refuses %j with a message that shows the form wanted", (amount) => {
    const result = fee(amount);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0].message).toBe("Enter the fee in dollars and cents, like 1250.00");
  });

  it("accepts plain decimals with at most two places, a dollar sign and thousands commas", () => {
    for (const [typed, dollars] of [
      ["1000", 1000],
      ["1000.5", 1000.5],
      ["1000.50", 1000.5],
      [" 0.07 ", 0.07],
      ["$1,250.00", 1250],
      ["1,000,000", 1_000_000],
    ] as const) {
      expect(fee(typed)).toMatchObject({ success: true, data: { amount: dollars } });
    }
  });

  it("says what is wrong with a negative, over-precise or misgrouped amount", () => {
    const message = (amount: string) => {
      const r = fee(amount);
      return r.success ? null : r.error.issues[0].message;
    };
    expect(message("-5")).toBe("The fee cannot be negative");
    expect(message("12.345")).toBe("The fee must be in whole cents");
    expect(message("1,00")).toBe("Enter the fee in dollars and cents, like 1250.00");
  });

  it("the fee schedule's amounts and handle time refuse exponents and hex too", () => {
    const schedule = (loadedHourlyCost: string, averageHandleMinutes: string) =>
      feeScheduleFormSchema.safeParse(
        nestFields({ loadedHourlyCost, averageHandleMinutes, "setupFees.materials": "0", "setupFees.call_routing": "250", "setupFees.automated_response": "500" }),
      ).success;
    expect(schedule("52", "5")).toBe(true);
    expect(schedule("5.2e1", "5")).toBe(false);
    expect(schedule("52", "0x5")).toBe(false);
    expect(schedule("52", "5e0")).toBe(false);
  });
});

describe("the analysis form's numbers", () => {
  const routing = (callsPerMonth: string) =>
    projectionInputSchema.safeParse({ type: "automated_response", transferredCallsPerMonth: callsPerMonth, handledBySystemShare: "0.5", startDate: "2026-12-01", handleTimeMinutes: "5" });

  it.each(NOT_NUMBERS)("refuses %j", (typed) => {
    expect(routing(typed).success).toBe(false);
  });

  it("accepts plain decimals, with thousands commas", () => {
    expect(routing("3000")).toMatchObject({ success: true, data: { transferredCallsPerMonth: 3000 } });
    expect(routing("3,000")).toMatchObject({ success: true, data: { transferredCallsPerMonth: 3000 } });
    expect(routing("12.5")).toMatchObject({ success: true, data: { transferredCallsPerMonth: 12.5 } });
  });
});

describe("dates", () => {
  const IMPOSSIBLE = ["2026-02-30", "0000-00-00", "2026-13-01", "2026-04-31", "9999-12-31", "1899-12-31", "2026-1-5", "20261201"];

  it.each(IMPOSSIBLE)("a draft refuses %j as its effective or end date, and keeps the rest", (date) => {
    expect(fieldErrors("materials", { title: "Leaf postcard", effectiveDate: date }, draftSchema)).toEqual({
      effectiveDate: expect.stringMatching(/^Enter a real date/),
    });
    expect(fieldErrors("materials", { endDate: date }, draftSchema)).toEqual({ endDate: expect.stringMatching(/^Enter a real date/) });
  });

  it("a draft may leave dates blank, and takes a real one", () => {
    expect(fieldErrors("materials", { effectiveDate: "", endDate: "" }, draftSchema)).toEqual({});
    expect(fieldErrors("materials", { effectiveDate: "2026-12-01", endDate: "2027-01-15" }, draftSchema)).toEqual({});
  });

  it("a draft's counts, kind and routing are checked when given", () => {
    expect(fieldErrors("materials", { audienceSize: "1e3", materialsKind: "billboard" }, draftSchema)).toEqual({
      audienceSize: "Enter a whole number, like 5000",
      materialsKind: "Choose the kind of materials",
    });
    expect(fieldErrors("call_routing", { callsPerMonth: "0x10", routing: "sometimes" }, draftSchema)).toEqual({
      callsPerMonth: "Enter a whole number, like 5000",
      routing: "Choose permanent or temporary",
    });
  });

  it("a submission refuses year 9999 and other out-of-range years", () => {
    const answers = { type: "automated_response", title: "IVR", description: "d", systemName: "IVR", contactName: "Pat", contactPhone: "240-777-0311" };
    for (const effectiveDate of ["9999-12-31", "1899-06-01", "2100-01-01"]) {
      expect(fieldErrors("automated_response", { ...answers, effectiveDate }, requestSchemas.automated_response)).toEqual({
        effectiveDate: "Enter a real date between 1900 and 2099, like 2026-12-31",
      });
    }
  });

  it("the analysis, appointment and department forms refuse far-off years too", () => {
    expect(
      projectionInputSchema.safeParse({ type: "automated_response", transferredCallsPerMonth: "10", handledBySystemShare: "0.5", startDate: "9999-01-01", handleTimeMinutes: "5" }).success,
    ).toBe(false);
    expect(appointmentFormSchema.safeParse({ role: "director", startsOn: "2026-12-01", endsOn: "9999-12-31" }).success).toBe(false);
    expect(departmentFormSchema.safeParse({ code: "DPW", name: "Public Works", partnerSince: "0000-00-00" }).success).toBe(false);
    expect(departmentFormSchema.safeParse({ code: "DPW", name: "Public Works", partnerSince: "1998-07-01" }).success).toBe(true);
  });
});

describe("guessable passwords", () => {
  const ctx = { email: "pat.partner@example.gov", hasMfa: false };

  it.each(["password1234567890", "password12345678", "qwertyuiopasdfgh", "Summer2026Summer2026", "01234567890123456", "iloveyou12345678"])(
    "refuses %j with a helpful message",
    (password) => {
      expect(newPasswordProblem(password, ctx)).toMatch(/^That password is easy to guess/);
    },
  );

  it("an MFA account's eight characters must still not be guessable, but eight random ones will do", () => {
    expect(newPasswordProblem("July2026", { ...ctx, hasMfa: true })).toMatch(/^That password is easy to guess/);
    expect(newPasswordProblem("kj3#lk2j", { ...ctx, hasMfa: true })).toBeNull();
    expect(newPasswordProblem("kj3#lk2jq8vm4#xz", ctx)).toBeNull();
  });

  it("accepts passphrases and the demo's password", () => {
    for (const password of ["tulip harbor ledger canyon", "Mailbox Orbit 7 Lantern", "seven blue herons at dawn", "demo-portal-2026!"]) {
      expect(newPasswordProblem(password, ctx)).toBeNull();
    }
  });
});
