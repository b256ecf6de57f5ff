// MAIL_FROM, MAIL_MAX_ATTEMPTS and MAIL_LEASE_SECONDS: defaults, and one clear line on a bad value.
import { describe, expect, it } from "vitest";
import { loadSettings, SettingsError } from "../../app/settings.server";
import { loadMailSettings } from "../../emails/mail-settings.server";

const settings = loadSettings({ APP_URL: "https://portal.example.gov/", SESSION_SECRET: "x".repeat(40) }, "/nonexistent");

describe("loadMailSettings", () => {
  it("defaults", () => {
    expect(loadMailSettings({}, settings)).toEqual({
      appUrl: "https://portal.example.gov",
      smtpUrl: undefined,
      mailDir: "./var/mail",
      from: '"3-1-1 Number Use Portal" <no-reply@portal.example.gov>',
      maxAttempts: 8,
      leaseMs: 300_000,
    });
  });

  it("reads the variables", () => {
    const mail = loadMailSettings(
      { MAIL_FROM: "County 311 <portal@county.gov>", MAIL_MAX_ATTEMPTS: "3", MAIL_LEASE_SECONDS: "60" },
      settings,
    );
    expect(mail).toMatchObject({ from: "County 311 <portal@county.gov>", maxAttempts: 3, leaseMs: 60_000 });
    expect(loadMailSettings({ MAIL_FROM: "portal@county.gov" }, settings).from).toBe("portal@county.gov");
  });

  it.each([
    ["MAIL_FROM", "not an address"],
    ["MAIL_FROM", "Portal <a@b.gov>\r\nBcc: everyone@example.gov"],
    ["MAIL_MAX_ATTEMPTS", "0"],
    ["MAIL_MAX_ATTEMPTS", "many"],
    ["MAIL_LEASE_SECONDS", "-5"],
  ])("rejects %s=%j with one line naming it", (name, value) => {
    expect(() => loadMailSettings({ [name]: value }, settings)).toThrow(SettingsError);
    expect(() => loadMailSettings({ [name]: value }, settings)).toThrow(new RegExp(`^Setting ${name} is invalid`));
  });
});
