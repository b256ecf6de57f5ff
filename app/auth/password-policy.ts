// Password rules from NIST SP 800-63B-4 §3.1.1.2, shared by the server and the forms.
// No composition rules (no "one digit, one symbol"): NIST says they make passwords
// worse, not stronger. Whitespace is kept as typed. The list of common passwords is
// large and lives on the server only (common-passwords.server.ts).
/** Minimum length when the password is the only factor. */
export const MIN_LENGTH_WITHOUT_MFA = 15;
/** Minimum length when the account also has a second factor. */
export const MIN_LENGTH_WITH_MFA = 8;
/** NIST asks for at least 64; 128 leaves room for passphrases. */
export const MAX_LENGTH = 128;

/** Length in Unicode code points after NFKC, as NIST counts it (an emoji is one character). */
export function passwordLength(password: string): number {
  return [...password.normalize("NFKC")].length;
}

export function minimumLength(hasMfa: boolean): number {
  return hasMfa ? MIN_LENGTH_WITH_MFA : MIN_LENGTH_WITHOUT_MFA;
}

/** The length rule's message, or null when the length is allowed. */
export function lengthProblem(password: string, hasMfa: boolean): string | null {
  const length = passwordLength(password);
  const min = minimumLength(hasMfa);
  if (length < min) return `Use at least ${min} characters (you typed ${length})`;
  if (length > MAX_LENGTH) return `Use at most ${MAX_LENGTH} characters (you typed ${length})`;
  return null;
}
