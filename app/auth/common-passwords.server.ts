// The common and breached password list (NIST SP 800-63B-4 §3.1.1.2 "blocklist").
// 49 000+ entries from @zxcvbn-ts/language-common (MIT; compiled from leaked-password
// corpora). It ships inside the package, so the check works offline. Server-only:
// the list is about half a megabyte and must not reach the browser bundle.
import { dictionary } from "@zxcvbn-ts/language-common";

let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  list ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return list;
}

/** Number of entries, so a test can prove the list is the size the README claims. */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}

/** True when the password, ignoring letter case, is on the list. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.normalize("NFKC").toLowerCase());
}
