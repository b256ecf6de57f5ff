// An invitation link's token is derived from the invitation's id with a key made from
// SESSION_SECRET (issue 15, item 5): the database keeps only the token's hash, and the queued
// e-mail only the id, from which the dispatcher makes the link again when it sends. Someone
// with the database alone can neither read a link nor make one.
import { createHmac } from "node:crypto";

export function invitationToken(invitationId: string, sessionSecret: string): string {
  const key = createHmac("sha256", sessionSecret).update("3-1-1 portal invitation links").digest();
  return createHmac("sha256", key).update(invitationId).digest("base64url");
}

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
