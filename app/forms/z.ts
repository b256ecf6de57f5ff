// Zod, as every schema that can reach the browser imports it.
// Zod 4 compiles fast parsers with `new Function` and probes for that ability when an object
// schema is made. Our CSP forbids eval in the browser, so the probe would be reported as a
// violation: there, jitless mode skips it. Setting it here, in the module every such schema
// imports, runs it before any schema is made, and only on pages that use zod at all.
// The server keeps the compiled parsers (no CSP applies there).
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });

export { z };
