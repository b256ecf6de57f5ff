// Decision 0013, fifth pass: in the browser build, Remix's classic compiler keeps the import of each
// server module a route imports, as an empty chunk that two routes importing the same module share:
// one more file (and its headers) on a first visit. The root (on every page) and the request page
// (the largest) reach the server through one module of their own.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const app = path.resolve(import.meta.dirname, "../../app");
const serverImports = (file: string) =>
  [...fs.readFileSync(path.join(app, file), "utf8").matchAll(/^import (?!type )[^;]*? from "([^"]+\.server)";$/gms)].map((m) => m[1]);

describe("server imports of the routes every first visit pays for", () => {
  it.each([
    ["root.tsx", "~/root.server"],
    ["routes/requests.$id.tsx", "~/requests/requestPage.server"],
  ])("%s imports one server module, its own", (file, own) => {
    expect(serverImports(file)).toEqual([own]);
  });
});
