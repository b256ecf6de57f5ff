// Issue 15, items 3, 4, 7 and the CSP report endpoint, through server.ts's whole stack: the
// final error handler's own pages, the requests that used to end in a 500, headers that
// arrived twice or not at all, and what a browser's CSP report does.
import { data } from "@remix-run/node";
import { request as httpRequest } from "node:http";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { passOnHeaders } from "../../app/http/routeHeaders";
import { loadSettings } from "../../app/settings.server";
import { createApp } from "../../server";
import { listen, stubBuild } from "../support/stubBuild";

let actionRuns = 0;

const build = stubBuild({
  "routes/change": {
    path: "change",
    module: {
      action: async ({ request }: { request: Request }) => {
        actionRuns += 1;
        const form = await request.formData();
        return { ok: true, got: String(form.get("decision")) };
      },
      loader: async () => ({ ok: true }),
      default: () => null,
    },
  },
  "routes/feed": {
    path: "feed",
    module: {
      loader: async () =>
        new Response("BEGIN:VCALENDAR", {
          headers: { "Content-Type": "text/calendar", "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" },
        }),
    },
  },
  "routes/limited": {
    path: "limited",
    module: {
      action: async () => data({ error: "Too many attempts" }, { status: 429, headers: { "Retry-After": "60" } }),
      headers: passOnHeaders,
      default: () => null,
    },
  },
  "routes/whoami": {
    path: "whoami",
    module: { loader: async ({ context }: { context: { clientAddress: string } }) => new Response(context.clientAddress) },
  },
  "routes/post-only": {
    path: "post-only",
    module: {
      loader: async () => {
        throw new Response("Use the button on the page.", { status: 405, headers: { Allow: "POST" } });
      },
      default: () => null,
    },
  },
});


/** A raw HTTP request, for what fetch will not send (a malformed path, a Host of our choosing). */
function raw(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; rawHeaders: string[]; body: string }>(
    (resolve, reject) => {
      const req = httpRequest({ hostname, port, path, method: init.method ?? "GET", headers: init.headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body }));
      });
      req.on("error", reject);
      req.end(init.body);
    },
  );
}

/** How many times a header was sent. */
const count = (rawHeaders: string[], name: string) => rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === name).length;

function expectPortalPage(res: { body: string; headers: Record<string, string | string[] | undefined>; rawHeaders: string[] }) {
  expect(res.headers["content-type"]).toMatch(/^text\/html/);
  expect(res.body).toContain("3-1-1 Number Use Portal");
  expect(res.body).toMatch(/<html lang="en"/);
  expect(res.body).toMatch(/<h1>/);
  expect(res.body).not.toMatch(/\bat .+\.(ts|js|mjs):\d+/);
  expect(res.body).not.toContain("/work/");
  expect(res.body).not.toContain("node_modules");
  expect(res.headers["cache-control"]).toBe("no-store");
  expect(count(res.rawHeaders, "content-security-policy")).toBe(1);
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
}

let http: { server: Server; base: string };

beforeAll(async () => {
  http = await listen(build);
});

afterAll(async () => {
  await new Promise((r) => http.server.close(r));
});

describe("item 3: the final error handler", () => {
  it("answers a malformed percent-encoding in the path with the portal's 400 page, logging details to the console only", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const path of ["/%E0%A4%A", "/uswds/%E0%A4%A", "/build/%C0"]) {
        const res = await raw(http.base, path);
        expect([path, res.status]).toEqual([path, 400]);
        expectPortalPage(res);
        expect(res.body).toContain("address");
      }
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it("runs Express in production mode", async () => {
    const settings = loadSettings({ NODE_ENV: "development", APP_URL: http.base, SESSION_SECRET: "s".repeat(40) });
    expect((await createApp(settings, build)).get("env")).toBe("production");
  });
});

describe("item 4: requests that ended in a 500", () => {
  const origin = () => ({ Origin: http.base });

  it("refuses a JSON body or a body without Content-Type with 415 and the portal's page; the action never runs", async () => {
    const before = actionRuns;
    for (const headers of [{ "Content-Type": "application/json" }, {}, { "Content-Type": "text/plain" }] as Array<Record<string, string>>) {
      const res = await raw(http.base, "/change", { method: "POST", headers: { ...origin(), ...headers }, body: '{"decision":"approve"}' });
      expect([headers, res.status]).toEqual([headers, 415]);
      expectPortalPage(res);
    }
    expect(actionRuns).toBe(before);
  });

  it("refuses a malformed multipart body with 400 and the portal's page", async () => {
    const before = actionRuns;
    const res = await raw(http.base, "/change", {
      method: "POST",
      headers: { ...origin(), "Content-Type": "multipart/form-data; boundary=xyz" },
      body: "--xyz\r\nContent-Disposition: form-data; name=\"decision\"\r\n\r\napprove\r\n--abc--",
    });
    expect(res.status).toBe(400);
    expectPortalPage(res);
    expect(actionRuns).toBe(before);
  });

  it("still takes well-formed forms, URL-encoded and multipart", async () => {
    const urlencoded = await fetch(`${http.base}/change.data`, { method: "POST", headers: origin(), body: new URLSearchParams({ decision: "approve" }) });
    expect(urlencoded.status).toBe(200);
    const form = new FormData();
    form.set("decision", "approve");
    const multipart = await fetch(`${http.base}/change.data`, { method: "POST", headers: origin(), body: form });
    expect(multipart.status).toBe(200);
    expect(await multipart.text()).toContain("approve");
  });

  it("refuses a body larger than a form needs with 413 and the portal's page", async () => {
    const res = await raw(http.base, "/change", {
      method: "POST",
      headers: { ...origin(), "Content-Type": "application/x-www-form-urlencoded" },
      body: `decision=${"a".repeat(2 * 1024 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expectPortalPage(res);
  });

  it("behind a proxy named in TRUST_PROXY, the client's address is the one the proxy reports; otherwise the socket's", async () => {
    const proxied = await listen(build, { TRUST_PROXY: "loopback" });
    try {
      expect((await raw(proxied.base, "/whoami", { headers: { "X-Forwarded-For": "203.0.113.9" } })).body).toBe("203.0.113.9");
      expect((await raw(http.base, "/whoami", { headers: { "X-Forwarded-For": "203.0.113.9" } })).body).toBe("127.0.0.1");
    } finally {
      await new Promise((r) => proxied.server.close(r));
    }
  });

  it("behind a proxy, a post from APP_URL's origin works whatever Host the proxy sends", async () => {
    const proxied = await listen(build, { APP_URL: "https://portal.county.example" });
    try {
      const before = actionRuns;
      const res = await raw(proxied.base, "/change", {
        method: "POST",
        headers: { Origin: "https://portal.county.example", Host: "10.0.0.5:3000", "Content-Type": "application/x-www-form-urlencoded" },
        body: "decision=approve",
      });
      expect(res.status).toBe(200);
      expect(actionRuns).toBe(before + 1);
      // A real mismatch is the portal's 403 page, and nothing runs.
      const forged = await raw(proxied.base, "/change", {
        method: "POST",
        headers: { Origin: "https://evil.example", Host: "portal.county.example", "Content-Type": "application/x-www-form-urlencoded" },
        body: "decision=approve",
      });
      expect(forged.status).toBe(403);
      expectPortalPage(forged);
      expect(actionRuns).toBe(before + 1);
    } finally {
      await new Promise((r) => proxied.server.close(r));
    }
  });
});

describe("item 7: headers sent once, and those that did not arrive", () => {
  it("a route's own Cache-Control and Referrer-Policy replace the defaults instead of joining them", async () => {
    const res = await raw(http.base, "/feed");
    expect(res.status).toBe(200);
    expect(count(res.rawHeaders, "cache-control")).toBe(1);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(count(res.rawHeaders, "referrer-policy")).toBe(1);
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("every response carries each security header once", async () => {
    for (const path of ["/change", "/feed", "/no/such/page", "/favicon.svg"]) {
      const res = await raw(http.base, path);
      for (const name of ["cache-control", "referrer-policy", "content-security-policy", "x-content-type-options", "x-frame-options"]) {
        expect([path, name, count(res.rawHeaders, name)]).toEqual([path, name, 1]);
      }
    }
  });

  it("the 403 refusal page is not cached", async () => {
    const res = await raw(http.base, "/change", { method: "POST", headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(res.status).toBe(403);
    expect(res.headers["cache-control"]).toBe("no-store");
  });
});

describe("the CSP report endpoint", () => {
  const report = (n: number) =>
    JSON.stringify({
      "csp-report": {
        "document-uri": `${http.base}/requests`,
        "violated-directive": "style-src-elem",
        "effective-directive": "style-src-elem",
        "blocked-uri": `inline\u001b[31m${n}`,
        "source-file": `${http.base}/build/root.js`,
        "line-number": 12,
      },
    });

  it("is named in the policy (report-uri and report-to) and the Reporting-Endpoints header", async () => {
    const res = await fetch(`${http.base}/change`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("report-uri /csp-report");
    expect(csp).toContain("report-to csp");
    expect(res.headers.get("reporting-endpoints")).toBe(`csp="${http.base}/csp-report"`);
  });

  it("logs a violation as one line without control characters, answers 204, and limits how much it logs", async () => {
    const logged = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const send = (n: number, type = "application/csp-report") =>
        fetch(`${http.base}/csp-report`, { method: "POST", headers: { "Content-Type": type, Origin: "null" }, body: report(n) });
      expect((await send(0)).status).toBe(204);
      expect(logged).toHaveBeenCalledTimes(1);
      const line = String(logged.mock.calls[0][0]);
      expect(line).toContain("style-src-elem");
      expect(line).toContain("/requests");
      expect(line).not.toMatch(/\p{Cc}/u);
      for (let n = 1; n < 100; n++) expect((await send(n)).status).toBe(204);
      expect(logged.mock.calls.length).toBeLessThanOrEqual(21);
      // The Reporting API's form, and junk.
      const batch = JSON.stringify([{ type: "csp-violation", url: `${http.base}/x`, body: { effectiveDirective: "script-src-elem", blockedURL: "inline" } }]);
      expect((await fetch(`${http.base}/csp-report`, { method: "POST", headers: { "Content-Type": "application/reports+json" }, body: batch })).status).toBe(204);
      expect((await send(0, "text/plain")).status).toBe(415);
      expect((await fetch(`${http.base}/csp-report`, { method: "POST", headers: { "Content-Type": "application/csp-report" }, body: "{not json" })).status).toBe(400);
      expect((await fetch(`${http.base}/csp-report`, { method: "POST", headers: { "Content-Type": "application/csp-report" }, body: "x".repeat(100_000) })).status).toBe(413);
    } finally {
      logged.mockRestore();
    }
  });
});

describe("item 7: Retry-After on a route's 429, Allow on a 405", () => {
  it("a thrown 405's Allow arrives through the root's error page", async () => {
    const res = await raw(http.base, "/post-only");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("POST");
  });

  it("arrives with the answer, for a document post and a single-fetch post", async () => {
    for (const path of ["/limited", "/limited.data"]) {
      const res = await raw(http.base, path, { method: "POST", headers: { Origin: http.base, "Content-Type": "application/x-www-form-urlencoded" }, body: "a=1" });
      expect([path, res.status]).toEqual([path, 429]);
      expect([path, res.headers["retry-after"]]).toEqual([path, "60"]);
    }
  });
});
