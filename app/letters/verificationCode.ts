// A letter's verification code: short enough to read out, derived from the hash of the audit
// entry that decided the request (the head of its audit chain at that moment). That hash is an
// HMAC with the portal's AUDIT_KEY over the entry and every entry before it, so nobody without
// the database can make a code that verifies, and the code never changes once the letter exists.
import { createHash } from "node:crypto";

// Crockford's base 32: no I, L, O or U to misread.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function verificationCode(reference: string, decidingEntryHash: string): string {
  const digest = createHash("sha256").update(`letter:${reference}:${decidingEntryHash}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = 7; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as someone typed it: case, spaces and dashes do not matter, and O/I/L read as 0/1/1. */
export function normalizeCode(typed: string): string {
  const clean = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
}
