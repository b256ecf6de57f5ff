// Issue 15, item 7: Remix drops every header but Set-Cookie from a route without a `headers`
// export, so a 429's Retry-After never arrived. Every route that answers 429 does it through
// tooManyAttempts (which sets Retry-After) and exports the headers that carry it on.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { passOnHeaders } from "../../app/http/routeHeaders";

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const routes = fs.readdirSync(routesDir).map((name) => ({ name, source: fs.readFileSync(path.join(routesDir, name), "utf8") }));

describe("routes that answer 429", () => {
  it("build it with tooManyAttempts, never by hand", () => {
    for (const { name, source } of routes) expect([name, /status:\s*429/.test(source)]).toEqual([name, false]);
  });

  it("export the headers that carry Retry-After on", async () => {
    const limited = routes.filter((r) => /tooManyAttempts[<(]/.test(r.source));
    expect(limited.map((r) => r.name).sort()).toEqual(
      ["account.mfa.tsx", "account.password.tsx", "sign-in.tsx", "sign-in_.set-up-mfa.tsx", "sign-in_.verify.tsx"],
    );
    for (const { name } of limited) {
      const module = (await import(path.join(routesDir, name))) as { headers?: unknown };
      expect([name, module.headers]).toEqual([name, passOnHeaders]);
    }
  });
});

describe("passOnHeaders", () => {
  it("carries the action's, loader's and error's headers, but not cookies or the body's own", () => {
    const headers = new Headers(
      passOnHeaders({
        loaderHeaders: new Headers({ "Cache-Control": "private" }),
        actionHeaders: new Headers({ "Retry-After": "60", "Set-Cookie": "a=1" }),
        errorHeaders: new Headers({ Allow: "POST", "Content-Type": "text/plain" }),
        parentHeaders: new Headers(),
      } as Parameters<typeof passOnHeaders>[0]),
    );
    expect(Object.fromEntries(headers)).toEqual({ "cache-control": "private", "retry-after": "60", allow: "POST" });
  });
});
