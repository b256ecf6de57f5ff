// What the database keeps of a bearer secret (a session id, a calendar feed address, an
// invitation link): its SHA-256, so a copy of the database opens nothing. The secrets are 32
// random bytes, so a fast hash is enough: there is nothing to guess.
import { createHash } from "node:crypto";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
