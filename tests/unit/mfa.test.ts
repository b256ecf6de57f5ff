// RFC 6238 codes and recovery codes (issue 7).
import { describe, expect, it } from "vitest";
import {
  acceptTotp,
  describeEnrolment,
  hashRecoveryCode,
  mfaRequiredFor,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  totpCode,
} from "../../app/auth/mfa.server";

// RFC 6238 Appendix B: the SHA-1 test secret "12345678901234567890" in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("matches the RFC 6238 test vectors (last 6 digits)", () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(totpCode(RFC_SECRET, new Date(1_111_111_109_000))).toBe("081804");
    expect(totpCode(RFC_SECRET, new Date(2_000_000_000_000))).toBe("279037");
  });

  it("accepts the code of this step and the steps either side, not two away", () => {
    const now = new Date(1_111_111_109_000);
    const step = Math.floor(now.getTime() / 30_000);
    expect(acceptTotp(RFC_SECRET, totpCode(RFC_SECRET, now), null, now)).toBe(step);
    expect(acceptTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 30_000)), null, now)).toBe(step - 1);
    expect(acceptTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() + 30_000)), null, now)).toBe(step + 1);
    expect(acceptTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 60_000)), null, now)).toBeNull();
  });

  it("never accepts a code twice, nor an older one after a newer", () => {
    const now = new Date(1_700_000_000_000);
    const code = totpCode(RFC_SECRET, now);
    const step = acceptTotp(RFC_SECRET, code, null, now);
    expect(step).not.toBeNull();
    expect(acceptTotp(RFC_SECRET, code, step, now)).toBeNull();
    const older = totpCode(RFC_SECRET, new Date(now.getTime() - 30_000));
    expect(acceptTotp(RFC_SECRET, older, step, now)).toBeNull();
  });

  it("refuses malformed codes", () => {
    const now = new Date();
    for (const bad of ["", "12345", "1234567", "abcdef", "12 34 5"]) expect(acceptTotp(RFC_SECRET, bad, null, now)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI with a QR code", async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const e = await describeEnrolment(secret, "dana@example.gov");
    expect(e.uri).toContain(`secret=${secret}`);
    expect(e.uri).toMatch(/^otpauth:\/\/totp\/3-1-1%20Number%20Use%20Portal:dana%40example\.gov\?/);
    expect(e.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(e.qrDataUrl.split(",")[1], "base64").toString()).toContain("<svg");
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes of ten characters, hashed without dashes or case", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(normalizeRecoveryCode(" abcde-fghjk ")).toBe("ABCDEFGHJK");
    expect(hashRecoveryCode("abcde fghjk")).toBe(hashRecoveryCode("ABCDE-FGHJK"));
    expect(hashRecoveryCode("ABCDE-FGHJK")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("who must use MFA", () => {
  it("directors, assistant directors, finance and admins; not requesters or analysts", () => {
    expect(mfaRequiredFor([{ role: "director" }])).toBe(true);
    expect(mfaRequiredFor([{ role: "assistant_director" }])).toBe(true);
    expect(mfaRequiredFor([{ role: "finance" }])).toBe(true);
    expect(mfaRequiredFor([{ role: "admin" }])).toBe(true);
    expect(mfaRequiredFor([{ role: "requester" }])).toBe(false);
    expect(mfaRequiredFor([{ role: "analyst" }])).toBe(false);
    expect(mfaRequiredFor([{ role: "requester" }, { role: "finance" }])).toBe(true);
  });
});
