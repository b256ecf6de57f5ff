// Who imports actual calls and ties requests to queue codes (issue 19): the Contact Center's
// analysts. The accuracy page is also for COM's reviewers, who decide on what is coming.
import type { Role } from "workflows/view";
import { capacityRoles } from "~/calendar/capacityRoles";

export const actualsRoles: readonly Role[] = ["analyst"];

export const accuracyRoles: readonly Role[] = capacityRoles;
