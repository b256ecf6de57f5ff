// OIDC_ROLE_CLAIM (issue 18): which portal roles a person's groups at the provider give. Pure:
// the settings' group → role pairs and the claim's values in, roles out, in the portal's order.
import { ROLES, type Role } from "workflows/view";

export function rolesFromGroups(map: ReadonlyArray<{ group: string; role: Role }>, groups: readonly string[]): Role[] {
  const given = new Set(map.filter((pair) => groups.includes(pair.group)).map((pair) => pair.role));
  return ROLES.filter((role) => given.has(role));
}

/** The claim's values: a list of strings, or one string; anything else (or nothing) is no groups. */
export function groupsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
