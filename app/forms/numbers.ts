// Numbers typed into forms (issue 15, item 8). `Number()` and z.coerce read "1e3" as 1000,
// "0x10" as 16 and "  " as 0: a form takes plain decimal digits only, with thousands commas
// where they belong ("1,250.5") and a leading minus (so "-5" is told it is too small, not that
// it is no number). A value that is a number already (defaults, stored schedules) passes as is.
import * as z from "./zod";

const DECIMAL = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** The number a form's text stands for; other text is left as it is, for the schema to refuse. */
export function readDecimal(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  return DECIMAL.test(text) ? Number(text.replace(/,/g, "")) : value;
}

/** A form field holding a number; `error` is the message for text that is not one. */
export const decimalNumber = (error: string) => z.pipe(z.transform(readDecimal), z.number({ error }));
