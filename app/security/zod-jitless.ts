// Zod 4 compiles fast parsers with `new Function`, and probes for that ability as soon as
// an object schema is made. In the browser our CSP forbids eval (no 'unsafe-eval'), so
// the probe would be reported as a CSP violation on every page with a form schema.
// jitless mode skips the probe and the compiled path. Imported first by root.tsx, whose
// module runs before any route module, so it is set before any schema is made.
// The server keeps the compiled parsers (no CSP applies there).
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });
