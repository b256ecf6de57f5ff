// A group of role checkboxes posts "roles" once per ticked box, or not at all; react-hook-form
// gives an array, a single value or false. All of them become a list of known roles.
import * as z from "~/forms/zod";
import { ROLES } from "workflows/view";

export const rolesField = z.pipe(
  z.transform((value: unknown): unknown => (Array.isArray(value) ? value : typeof value === "string" ? [value] : [])),
  z.array(z.enum(ROLES, "Choose roles from the list")),
);
