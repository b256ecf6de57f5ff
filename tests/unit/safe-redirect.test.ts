// Issue 15, item 1: where sign-in sends a person afterwards. The target is read the way a
// browser reads a Location header (WHATWG URL, which strips tabs and newlines, reads "\" as
// "/" and resolves dot segments), and only a path on the portal's own origin is kept.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectTo } from "../../app/auth/redirectTarget";

const APP_URL = "https://portal.county.example";
const ORIGIN = new URL(APP_URL).origin;

/** Where a browser on the portal goes when it follows `location`. */
const followed = (location: string) => new URL(location, `${APP_URL}/sign-in`);

describe("safeRedirectTo", () => {
  it("keeps the portal's own paths, with their query", () => {
    expect(safeRedirectTo("/requests?status=open&page=2", APP_URL)).toBe("/requests?status=open&page=2");
    expect(safeRedirectTo("/requests/abc/edit", APP_URL)).toBe("/requests/abc/edit");
    expect(safeRedirectTo(`${APP_URL}/finance`, APP_URL)).toBe("/finance");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/..//evil.example",
    "/./..//evil.example/x",
    "/requests/..//..//evil.example",
    "https://evil.example/",
    "https:evil.example",
    "http://portal.county.example.evil.example/",
    "https://portal.county.example@evil.example/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//ｅｖｉｌ.example",
    "//xn--e1afmkfd.example",
    "/%2F%2Fevil.example",
    "/%5C%5Cevil.example",
  ])("never leaves the portal for %j", (target) => {
    const to = safeRedirectTo(target, APP_URL);
    expect(followed(to).origin).toBe(ORIGIN);
    expect(to).toMatch(/^\/(?![/\\])/);
  });

  it("carries no character a Location header cannot hold (CR, LF, NUL, non-ASCII)", () => {
    for (const target of ["/requests\r\nSet-Cookie: x=1", "/a\u0000b", "/caf\u00e9?q=\u2603#\u00e9", "/x\u2028y"]) {
      const to = safeRedirectTo(target, APP_URL);
      expect(to).toMatch(/^[\x21-\x7e]+$/);
      expect(() => new Headers({ Location: to })).not.toThrow();
    }
  });

  it("falls back for missing, non-string and unparsable targets", () => {
    for (const target of [null, undefined, "", new File([], "x"), "http://[::1", "https://a b/"]) {
      expect(safeRedirectTo(target as string | null | undefined, APP_URL)).toBe("/");
    }
    expect(safeRedirectTo("https://evil.example", APP_URL, "/requests")).toBe("/requests");
  });

  // Generated targets built from the pieces browsers treat specially.
  const piece = fc.constantFrom(
    "/", "//", "\\", "\\\\", ".", "..", "/..", "/./", "\t", "\n", "\r", " ", "\u0000", "%", "%2e", "%2E%2E", "%2f", "%5c",
    "%0a", "%00", "%E0%A4%A", ":", "@", "?", "#", "http:", "https:", "javascript:", "data:", "evil.example",
    "portal.county.example", "ｅｖｉｌ", "xn--80ak6aa92e.com", "例え.テスト", "localhost", "127.0.0.1", "[::1]", "requests", "a", "\u2028",
  );
  const target = fc.oneof(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join("")), fc.string({ maxLength: 40 }), fc.webUrl());

  it("property: whatever the string, the result is a path a browser resolves on the portal's origin", () => {
    fc.assert(
      fc.property(target, (raw) => {
        const to = safeRedirectTo(raw, APP_URL);
        expect(to).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
        expect(followed(to).origin).toBe(ORIGIN);
        // Resolved against any other site, it stays on that site: it is a path, not an address.
        expect(new URL(to, "https://elsewhere.example/x/y").origin).toBe("https://elsewhere.example");
        // Asking again changes nothing.
        expect(safeRedirectTo(to, APP_URL)).toBe(to);
      }),
      { numRuns: 5000 },
    );
  });

  it("property: a target the browser would resolve on the portal keeps its path and query", () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,8}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.option(segment), (segments, query) => {
        const path = `/${segments.join("/")}${query ? `?q=${query}` : ""}`;
        expect(safeRedirectTo(path, APP_URL)).toBe(path);
      }),
    );
  });
});

describe("safeRedirectTo: length", () => {
  it("falls back rather than keep a target too long for the pending sign-in cookie", () => {
    expect(safeRedirectTo(`/${"a".repeat(2100)}`, APP_URL)).toBe("/");
    // Percent-encoding can triple a target's length.
    expect(safeRedirectTo(`/${"é".repeat(800)}`, APP_URL)).toBe("/");
  });
});
