// zod for the schemas a form shares with the browser: zod/mini, whose functions bundle only what
// a schema uses (a few KB gzipped instead of classic zod's ~28 KB on every page with a form).
// Classic zod switches on its English messages when it builds its first schema; zod/mini leaves
// that to the app. Switch them on here, so that a message the schemas do not word themselves
// ("Invalid input: expected string, received undefined") reads the same in the browser as on the
// server, whichever zod the server happened to load first.
import { en } from "zod/locales";
import { config } from "zod/mini";

config(en());

export * from "zod/mini";
