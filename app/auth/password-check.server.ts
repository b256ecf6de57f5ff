// The full check of a new password: NIST SP 800-63B-4 length rules, the blocklist (common and
// breached passwords, and words from this account and this service), then how guessable it is.
import { isCommonPassword } from "./common-passwords.server";
import { lengthProblem } from "./password-policy";
import { guessableProblem } from "./password-strength.server";

export interface PasswordContext {
  /** The account's e-mail address: the password may not be built on it. */
  email: string;
  /** Whether the account has a second factor (8 characters are then enough). */
  hasMfa: boolean;
}

const SERVICE_WORDS = ["3-1-1 number use portal", "311 number use portal", "311portal", "3-1-1portal"];

/** True when the whole password is one short piece repeated ("aaaa…", "abcabc…", "passwordpassword"). */
function isRepetition(password: string): boolean {
  for (let size = 1; size <= password.length / 2; size++) {
    if (password.length % size !== 0) continue;
    const piece = password.slice(0, size);
    if (piece.repeat(password.length / size) === password && (size <= 3 || isCommonPassword(piece))) return true;
  }
  return false;
}

/** Why the new password is refused, in words for the person choosing it; null when it is allowed. */
export function newPasswordProblem(password: string, context: PasswordContext): string | null {
  const tooShortOrLong = lengthProblem(password, context.hasMfa);
  if (tooShortOrLong) return tooShortOrLong;
  const lower = password.normalize("NFKC").toLowerCase();
  if (isCommonPassword(lower) || isRepetition(lower)) {
    return "That password is on a list of common or breached passwords; choose another";
  }
  const email = context.email.trim().toLowerCase();
  const localPart = email.split("@")[0] ?? "";
  const compact = lower.replace(/\s+/g, "");
  if (compact.includes(email) || (localPart.length >= 4 && compact.includes(localPart))) {
    return "Do not use your e-mail address in your password";
  }
  if (SERVICE_WORDS.some((w) => lower.includes(w) || compact.includes(w.replace(/\s+/g, "")))) {
    return "Do not use the portal's name in your password";
  }
  const personal = [email, localPart, ...localPart.split(/[^a-z0-9]+/).filter((w) => w.length >= 3)];
  return guessableProblem(password, { hasMfa: context.hasMfa, personal });
}
