// Who uses the capacity calendar and its feed (issue 5): the Contact Center's analysts, who
// adjust schedules, and the COM reviewers, who decide what is coming.
import type { Role } from "workflows/view";

export const capacityRoles: readonly Role[] = ["analyst", "director", "assistant_director"];
