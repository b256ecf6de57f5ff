// server.ts's whole stack (issue 7): security headers with a per-response CSP nonce on
// every script, the Origin check against a forged cross-site form post, and error pages
// that show no stack trace or SQL.
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, stubBuild } from "../support/stubBuild";

const SQL_ERROR = 'SQLITE_ERROR: no such column: "User"."passwordHash" in SELECT * FROM "User"';
let actionRuns = 0;

const build = stubBuild({
  "routes/change": {
    path: "change",
    module: {
      action: async () => {
        actionRuns += 1;
        return { ok: true };
      },
      loader: async () => ({ ok: true }),
      default: () => null,
    },
  },
  "routes/boom": {
    path: "boom",
    module: {
      loader: async () => {
        throw new Error(SQL_ERROR);
      },
      default: () => null,
    },
  },
});


let http: { server: Server; base: string };

beforeAll(async () => {
  http = await listen(build);
});

afterAll(async () => {
  await new Promise((r) => http.server.close(r));
});

function nonceOf(csp: string | null): string {
  const match = /script-src 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp ?? "");
  if (!match) throw new Error(`No script nonce in CSP: ${csp}`);
  return match[1];
}

describe("headers", () => {
  it("sends the CSP and the other security headers on pages", async () => {
    const res = await fetch(`${http.base}/change`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "style-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("gives every response its own nonce and puts it on every script in the page", async () => {
    const [a, b] = await Promise.all([fetch(`${http.base}/change`), fetch(`${http.base}/change`)]);
    const nonceA = nonceOf(a.headers.get("content-security-policy"));
    expect(nonceA).not.toBe(nonceOf(b.headers.get("content-security-policy")));
    expect(Buffer.from(nonceA, "base64").length).toBeGreaterThanOrEqual(16);
    const html = await a.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    // Remix's context, the route modules' import and scroll restoration at least.
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceA}"`);
  });

  it("adds HSTS when APP_URL is https", async () => {
    const https = await listen(build, { APP_URL: "https://portal.example.test" });
    try {
      const res = await fetch(`${https.base}/change`);
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    } finally {
      await new Promise((r) => https.server.close(r));
    }
  });
});

describe("the Origin check", () => {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };

  async function post(headers: Record<string, string>) {
    const before = actionRuns;
    const res = await fetch(`${http.base}/change`, {
      method: "POST",
      headers: { ...form, ...headers },
      body: "decision=approve",
      redirect: "manual",
    });
    return { status: res.status, body: await res.text(), ran: actionRuns - before };
  }

  it("refuses a forged cross-site form post, and nothing runs", async () => {
    const forged = await post({ Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" });
    expect(forged.status).toBe(403);
    expect(forged.ran).toBe(0);
    expect(forged.body).toContain("Nothing was changed");
  });

  it("refuses a look-alike origin (other scheme, port or host)", async () => {
    const { port } = new URL(http.base);
    for (const origin of [`https://127.0.0.1:${port}`, "http://127.0.0.1", `http://localhost:${port}`, `${http.base}.evil.example`, "null"]) {
      const r = await post({ Origin: origin });
      expect([origin, r.status, r.ran]).toEqual([origin, 403, 0]);
    }
  });

  it("refuses a post with no Origin from another site, or with neither header", async () => {
    expect(await post({ "Sec-Fetch-Site": "cross-site" })).toMatchObject({ status: 403, ran: 0 });
    expect(await post({ "Sec-Fetch-Site": "same-site" })).toMatchObject({ status: 403, ran: 0 });
    expect(await post({})).toMatchObject({ status: 403, ran: 0 });
  });

  it("lets the portal's own pages post", async () => {
    expect((await post({ Origin: http.base })).ran).toBe(1);
    expect((await post({ "Sec-Fetch-Site": "same-origin" })).ran).toBe(1);
    expect((await post({ "Sec-Fetch-Site": "none" })).ran).toBe(1);
  });

  it("lets GET through from anywhere (GET changes nothing)", async () => {
    const res = await fetch(`${http.base}/change`, { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } });
    expect(res.status).toBe(200);
  });
});

describe("static files", () => {
  it("serves files from disk only under /build/ (the fingerprinted assets): other paths go to the portal", async () => {
    for (const path of ["/favicon.svg", "/public/favicon.svg", "/package.json", "/build/../package.json"]) {
      const res = await fetch(`${http.base}${path}`);
      expect([path, res.status, res.headers.get("cache-control")]).toEqual([path, 404, "no-store"]);
    }
  });
});

describe("error pages", () => {
  it("shows the portal's 404 page", async () => {
    const res = await fetch(`${http.base}/no/such/page`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Page not found");
    expect(html).toContain("3-1-1 Number Use Portal");
  });

  it("shows a generic 500 page with no message, stack trace or SQL", async () => {
    const res = await fetch(`${http.base}/boom`);
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain("Something went wrong");
    expect(html).not.toContain("SQLITE");
    expect(html).not.toContain("passwordHash");
    expect(html).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });
});
