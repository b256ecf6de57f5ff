// A form posts an empty field as "": read it as not given, so that the schema's default, its
// optional() or its "Enter the …" message applies (z.coerce alone would read "" as 0).
import * as z from "./zod";

export const blankAsMissing = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(z.transform((value: unknown): unknown => (typeof value === "string" && value.trim() === "" ? undefined : value)), schema);
