// What the browser downloads (issue 20): every kind of response compressed when the browser
// asks (brotli or gzip by Accept-Encoding) and plain when it does not, with Vary and the right
// caching; a streamed response still arrives as it is written; the build's assets served from
// their precompressed copies, which decompress to the very bytes of their source.
import { request, type IncomingHttpHeaders, type Server } from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, createBrotliDecompress, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSET_CSP } from "../../app/security/headers.server";
import { precompress } from "../../scripts/precompress";
import { listen, stubBuild } from "../support/stubBuild";

// Text that compresses, well over the 1 KB below which compressing is not worth it.
const ROWS = Array.from({ length: 200 }, (_, i) => `311-2026-${String(i).padStart(4, "0")},Leaf collection postcard,250.00`);
const CSV = `reference,title,fee\n${ROWS.join("\n")}\n`;
const ICS = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${ROWS.map((r) => `BEGIN:VEVENT\r\nSUMMARY:${r}\r\nEND:VEVENT\r\n`).join("")}END:VCALENDAR\r\n`;

let releaseSecondPart: () => void = () => undefined;

const build = stubBuild({
  "routes/page": {
    path: "page",
    module: {
      loader: async () => ({ rows: ROWS }),
      default: () => null,
    },
  },
  "routes/report.csv": {
    path: "report.csv",
    module: { loader: async () => new Response(CSV, { headers: { "Content-Type": "text/csv; charset=utf-8" } }) },
  },
  "routes/feed.ics": {
    path: "feed.ics",
    module: { loader: async () => new Response(ICS, { headers: { "Content-Type": "text/calendar; charset=utf-8" } }) },
  },
  "routes/stream": {
    path: "stream",
    module: {
      loader: async () => {
        const second = new Promise<void>((resolve) => (releaseSecondPart = resolve));
        const text = new TextEncoder();
        const body = new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(text.encode(`first part ${"x".repeat(2000)}\n`));
            await second;
            controller.enqueue(text.encode("second part\n"));
            controller.close();
          },
        });
        return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
      },
    },
  },
});

// A stand-in for public/build: a script, a stylesheet, an icon and a font, as `remix build` leaves them.
const assets = fs.mkdtempSync(path.join(os.tmpdir(), "portal-assets-"));
const SOURCES: Record<string, Buffer> = {
  "entry.client-AB12CD34.js": Buffer.from(`export const rows = ${JSON.stringify(ROWS)};\n`),
  "_assets/uswds-EF56GH78.css": Buffer.from(ROWS.map((r, i) => `.row-${i}::after { content: "${r}"; }`).join("\n")),
  "_assets/favicon-IJ90KL12.svg": Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${ROWS.map((_, i) => `<rect x="${i}" width="1" height="1"/>`).join("")}</svg>`),
  "_assets/sourcesanspro-regular-webfont-MN34OP56.woff2": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
};

let http: { server: Server; base: string };

beforeAll(async () => {
  for (const [name, content] of Object.entries(SOURCES)) {
    fs.mkdirSync(path.dirname(path.join(assets, name)), { recursive: true });
    fs.writeFileSync(path.join(assets, name), content);
  }
  precompress(assets);
  http = await listen(build, {}, assets);
});

afterAll(async () => {
  await new Promise((r) => http.server.close(r));
  fs.rmSync(assets, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, not decompressed. */
  body: Buffer;
}

/** GET with exactly this Accept-Encoding (none when undefined): node:http decompresses nothing. */
function get(urlPath: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${http.base}${urlPath}`, { headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function decoded(res: Raw): Buffer {
  switch (res.headers["content-encoding"]) {
    case "br":
      return brotliDecompressSync(res.body);
    case "gzip":
      return gunzipSync(res.body);
    case undefined:
      return res.body;
    default:
      throw new Error(`Unexpected Content-Encoding ${res.headers["content-encoding"]}`);
  }
}

const varyOf = (res: Raw) => String(res.headers.vary ?? "").toLowerCase();

// What Chromium sends; "gzip, deflate" is what a client without brotli sends.
const BROWSER = "gzip, deflate, br, zstd";
const NO_BROTLI = "gzip, deflate";

describe("the portal's own responses", () => {
  const kinds: Array<[kind: string, urlPath: string, type: RegExp, contains: string]> = [
    ["an HTML document", "/page", /^text\/html/, "<!DOCTYPE html>"],
    ["a data request (single fetch)", "/page.data", /^text\/x-script/, "311-2026-0199"],
    ["a CSV download", "/report.csv", /^text\/csv/, "311-2026-0199,Leaf collection postcard,250.00"],
    ["the calendar feed", "/feed.ics", /^text\/calendar/, "BEGIN:VEVENT"],
  ];
  it.each(kinds)("%s: brotli, gzip or plain as asked, Vary: Accept-Encoding, never stored", async (_kind, urlPath, type, contains) => {
    const plain = await get(urlPath);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["content-type"]).toMatch(type);
    expect(plain.body.toString()).toContain(contains);
    expect(varyOf(plain)).toContain("accept-encoding");
    expect(plain.headers["cache-control"]).toBe("no-store");

    for (const [acceptEncoding, encoding] of [
      [BROWSER, "br"],
      [NO_BROTLI, "gzip"],
    ]) {
      const res = await get(urlPath, acceptEncoding);
      expect([urlPath, res.status, res.headers["content-encoding"]]).toEqual([urlPath, 200, encoding]);
      expect(res.headers["content-type"]).toMatch(type);
      expect(varyOf(res)).toContain("accept-encoding");
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.body.length).toBeLessThan(plain.body.length / 2);
      expect(decoded(res).toString()).toContain(contains);
    }
    expect((await get(urlPath, "identity")).headers["content-encoding"]).toBeUndefined();
  });

  it("a streamed response still streams when compressed: the first part arrives before the second is written", async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(`${http.base}/stream`, { headers: { "Accept-Encoding": BROWSER } }, (res) => {
        expect(res.headers["content-encoding"]).toBe("br");
        const unbrotli = createBrotliDecompress();
        let received = "";
        unbrotli.on("data", (chunk: Buffer) => {
          received += chunk.toString();
          // Only once the first part is through is the second one written: a response held
          // back until its end would never get here, and the test would time out.
          if (received.includes("first part") && !received.includes("second part")) releaseSecondPart();
        });
        unbrotli.on("end", () => resolve(received));
        unbrotli.on("error", reject);
        res.pipe(unbrotli);
      });
      req.on("error", reject);
      req.end();
    });
    expect(text).toMatch(/^first part x+\nsecond part\n$/);
  });
});

describe("the build's assets (precompressed at build time)", () => {
  const textAssets = Object.keys(SOURCES).filter((name) => !name.endsWith(".woff2"));

  it("each precompressed copy decompresses to its source, byte for byte", () => {
    for (const name of textAssets) {
      const source = fs.readFileSync(path.join(assets, name));
      expect(brotliDecompressSync(fs.readFileSync(path.join(assets, `${name}.br`))).equals(source)).toBe(true);
      expect(gunzipSync(fs.readFileSync(path.join(assets, `${name}.gz`))).equals(source)).toBe(true);
    }
  });

  it.each(textAssets)("%s: the brotli or gzip copy as asked, else the file; cached for a year, immutable", async (name) => {
    const source = SOURCES[name];
    const expected = { js: /^text\/javascript/, css: /^text\/css/, svg: /^image\/svg\+xml/ }[name.split(".").pop() as "js" | "css" | "svg"];
    for (const [acceptEncoding, encoding, copy] of [
      [BROWSER, "br", ".br"],
      [NO_BROTLI, "gzip", ".gz"],
      [undefined, undefined, ""],
    ] as const) {
      const res = await get(`/build/${name}`, acceptEncoding);
      expect([name, acceptEncoding, res.status, res.headers["content-encoding"]]).toEqual([name, acceptEncoding, 200, encoding]);
      expect(res.headers["content-type"]).toMatch(expected);
      expect(varyOf(res)).toContain("accept-encoding");
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      // The file made at build time, sent as it is: no compression work per request.
      expect(res.body.equals(fs.readFileSync(path.join(assets, name + copy)))).toBe(true);
      expect(decoded(res).equals(source)).toBe(true);
    }
  });

  it("a font (already compressed) is sent as it is, cached for a year", async () => {
    const name = "_assets/sourcesanspro-regular-webfont-MN34OP56.woff2";
    const res = await get(`/build/${name}`, BROWSER);
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-type"]).toBe("font/woff2");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.body.equals(SOURCES[name])).toBe(true);
  });

  it("a missing asset is the portal's 404, not stored, with a page's security headers", async () => {
    const res = await get("/build/entry.client-MISSING.js", BROWSER);
    expect(res.status).toBe(404);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(decoded(res).toString()).toContain("Page not found");
    expect(res.headers["content-security-policy"]).toMatch(/script-src 'nonce-/);
    expect(res.headers["x-frame-options"]).toBe("DENY");
  });

  it.each(Object.keys(SOURCES))("%s: a file's security headers, not a page's (issue 20: ~500 bytes less on each of a page's 20–30 files)", async (name) => {
    const res = await get(`/build/${name}`, BROWSER);
    expect(res.status).toBe(200);
    // Opened on its own (an SVG can hold script), it runs nothing and cannot be framed; never sniffed.
    expect(res.headers["content-security-policy"]).toBe(ASSET_CSP);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cross-origin-resource-policy"]).toBe("same-origin");
    for (const documentOnly of ["permissions-policy", "cross-origin-opener-policy", "x-frame-options", "reporting-endpoints", "referrer-policy", "accept-ranges"]) {
      expect([name, documentOnly, res.headers[documentOnly]]).toEqual([name, documentOnly, undefined]);
    }
  });
});
