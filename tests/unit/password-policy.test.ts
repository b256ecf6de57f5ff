// NIST SP 800-63B-4 password rules (issue 7).
import { describe, expect, it } from "vitest";
import { commonPasswordCount, isCommonPassword } from "../../app/auth/common-passwords.server";
import { newPasswordProblem } from "../../app/auth/password-check.server";
import { changePasswordSchema } from "../../app/auth/passwordForm";
import {
  lengthProblem,
  MAX_LENGTH,
  MIN_LENGTH_WITH_MFA,
  MIN_LENGTH_WITHOUT_MFA,
  passwordLength,
} from "../../app/auth/password-policy";

const ctx = (hasMfa: boolean) => ({ email: "pat.partner@example.gov", hasMfa });

describe("length", () => {
  it("needs 15 characters without MFA and 8 with it", () => {
    expect(MIN_LENGTH_WITHOUT_MFA).toBe(15);
    expect(MIN_LENGTH_WITH_MFA).toBe(8);
    expect(lengthProblem("a".repeat(14), false)).toBe("Use at least 15 characters (you typed 14)");
    expect(lengthProblem("a".repeat(15), false)).toBeNull();
    expect(lengthProblem("a".repeat(7), true)).toMatch(/at least 8/);
    expect(lengthProblem("a".repeat(8), true)).toBeNull();
  });

  it("allows at least 64 characters, up to 128", () => {
    expect(MAX_LENGTH).toBeGreaterThanOrEqual(64);
    expect(lengthProblem("a".repeat(128), false)).toBeNull();
    expect(lengthProblem("a".repeat(129), false)).toMatch(/at most 128/);
  });

  it("counts code points, not UTF-16 units, and keeps spaces", () => {
    expect(passwordLength("🐢🐢🐢")).toBe(3);
    expect(passwordLength("  two spaces  ")).toBe(14);
    expect(lengthProblem("correct horse b", false)).toBeNull();
  });
});

describe("no composition rules", () => {
  it("accepts a long password of lower-case letters and spaces only", () => {
    expect(newPasswordProblem("tulip harbor ledger canyon", ctx(false))).toBeNull();
  });
});

describe("the common and breached password list", () => {
  it("has at least 10 000 entries", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it.each(["password", "123456789", "qwertyuiop", "iloveyou", "trustno1", "football", "1qaz2wsx"])(
    "knows %s",
    (pw) => {
      expect(isCommonPassword(pw)).toBe(true);
      expect(isCommonPassword(pw.toUpperCase())).toBe(true);
    },
  );

  it("refuses a listed password that is long enough for an MFA account", () => {
    expect(newPasswordProblem("baseball", ctx(true))).toMatch(/common or breached/);
    expect(newPasswordProblem("1qaz2wsx3edc", ctx(true))).toMatch(/common or breached/);
  });

  it("refuses listed and repeated passwords of 15 or more characters", () => {
    expect(newPasswordProblem("passwordpassword", ctx(false))).toMatch(/common or breached/);
    expect(newPasswordProblem("a".repeat(20), ctx(false))).toMatch(/common or breached/);
    expect(newPasswordProblem("abcabcabcabcabcabc", ctx(false))).toMatch(/common or breached/);
  });

  it("refuses the e-mail address and the portal's name", () => {
    expect(newPasswordProblem("pat.partner@example.gov", ctx(false))).toMatch(/e-mail/);
    expect(newPasswordProblem("my pat.partner 2026 pass", ctx(false))).toMatch(/e-mail/);
    expect(newPasswordProblem("311 Portal is great!!", ctx(false))).toMatch(/portal's name/);
  });

  it("accepts a good passphrase", () => {
    expect(newPasswordProblem("Mailbox Orbit 7 Lantern", ctx(false))).toBeNull();
    expect(isCommonPassword("Mailbox Orbit 7 Lantern")).toBe(false);
  });
});

describe("the change-password form schema", () => {
  it("reports each field's problem", () => {
    const result = changePasswordSchema(false).safeParse({ currentPassword: "", newPassword: "short", confirmPassword: "x" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries((result.success ? [] : result.error.issues).map((i) => [i.path[0], i.message]));
    expect(byField).toEqual({
      currentPassword: "Enter your current password",
      newPassword: "Use at least 15 characters (you typed 5)",
      confirmPassword: "The two new passwords are not the same",
    });
  });

  it("refuses junk without throwing", () => {
    for (const junk of [null, 42, "text", { newPassword: 5 }, []]) {
      expect(changePasswordSchema(true).safeParse(junk).success).toBe(false);
    }
  });
});
