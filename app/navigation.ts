// The header's links to role pages: each person sees only the pages their roles may use
// (the pages check again on the server).
import type { CurrentUser } from "~/auth/session.server";
import { accuracyRoles, actualsRoles } from "~/actuals/actualsRoles";
import { capacityRoles } from "~/calendar/capacityRoles";
import type { Role } from "workflows/view";

export interface NavItem {
  to: string;
  label: string;
}

const ROLE_PAGES: Array<NavItem & { roles: readonly Role[] }> = [
  { to: "/calendar", label: "Calendar", roles: capacityRoles },
  { to: "/capacity/baseline", label: "Staffing baseline", roles: ["analyst"] },
  { to: "/actuals", label: "Actual calls", roles: actualsRoles },
  { to: "/accuracy", label: "Forecast accuracy", roles: accuracyRoles },
  { to: "/finance", label: "Fees report", roles: ["finance"] },
  { to: "/admin", label: "Administration", roles: ["admin"] },
];

export function navLinks(user: Pick<CurrentUser, "roles">): NavItem[] {
  return ROLE_PAGES.filter((page) => page.roles.some((role) => user.roles.some((r) => r.role === role))).map(
    ({ to, label }) => ({ to, label }),
  );
}
