// The bench's growth target (issue 17: a page's median grows at most 1.3× from 1 000 to 100 000
// requests) is judged over the signed-out document's own growth, measured just before and just
// after the page: it reads nothing, so it moves only with the host's speed (decisions 0031, 0032).
import { describe, expect, it } from "vitest";
import { besideDocument, evaluate, type Row, type SizeResult } from "../../bench/report";

const result = (p50: number, rps = 100) => ({ rps, p50, p95: p50, p99: p50, requests: 100, failures: 0, serverCpuMs: 1 });

const row = (key: string, label: string, p50: number, floor: boolean): Row => ({
  key,
  label,
  floor,
  result: result(p50),
  compressed: result(p50),
  transfer: null,
  ratio: 0.5,
  documentRatio: 0.5,
});

/** One size: the document first, then pages, each with the document's p50 measured before and after it. */
function size(requests: number, pages: Array<{ key: string; p50: number; before: number; after: number }>): SizeResult {
  return {
    engine: "sqlite",
    size: requests,
    seed: {} as SizeResult["seed"],
    rows: [
      row("document", "sign-in page, signed out (document floor)", pages[0].before, true),
      ...pages.map((p) => ({ ...row(p.key, `page ${p.key}`, p.p50, false), documentBeside: { before: result(p.before), after: result(p.after) } })),
    ],
    pair: [],
    transitions: { ratio: 1, concurrent: { ok: true, accepted: 1, refused: 0, auditAdded: 1, versionAdded: 1 } } as unknown as SizeResult["transitions"],
  };
}

const targetOf = (sizes: SizeResult[], key: string) =>
  evaluate(sizes, [{ route: "routes/requests._index", files: 1, brotliBytes: 1000 }]).find((t) => t.name.startsWith(`page ${key} `))!;

describe("the bench's p50 growth target", () => {
  it("counts what the document's own p50 moved beside the page as the host's drift, not the page's growth", () => {
    const drifted = targetOf([size(1000, [{ key: "a", p50: 100, before: 50, after: 50 }]), size(100_000, [{ key: "a", p50: 150, before: 60, after: 60 }])], "a");
    expect(drifted.met).toBe(true);
    expect(drifted.detail).toContain("grew 1.25× over the document's 1.2× (1.5× as measured)");
  });

  it("takes the document's p50 beside each page as the mean of its measurements before and after that page", () => {
    const sizes = [
      size(1000, [
        { key: "a", p50: 100, before: 50, after: 50 },
        { key: "b", p50: 100, before: 50, after: 50 },
      ]),
      // The host slowed after page a: b's drift is its own, not the run's.
      size(100_000, [
        { key: "a", p50: 150, before: 50, after: 70 },
        { key: "b", p50: 150, before: 70, after: 80 },
      ]),
    ];
    expect(targetOf(sizes, "a").detail).toContain("grew 1.25× over the document's 1.2× (1.5× as measured)");
    expect(targetOf(sizes, "b").detail).toContain("grew 1× over the document's 1.5× (1.5× as measured)");
  });

  it("misses when the page grows more than 1.3× beyond the document's", () => {
    const grown = targetOf([size(1000, [{ key: "a", p50: 100, before: 50, after: 50 }]), size(100_000, [{ key: "a", p50: 150, before: 50, after: 50 }])], "a");
    expect(grown.met).toBe(false);
    expect(grown.detail).toContain("p50 grew 1.5× from 1000 over the document's 1× (> 1.3×; 1.5× as measured)");
  });
});

describe("the document floor beside a page", () => {
  it("is the mean of the measurements just before and just after it, in requests a second and p50", () => {
    const page = { ...row("a", "page a", 100, false), documentBeside: { before: result(40, 400), after: result(60, 600) } };
    expect(besideDocument(page)).toEqual({ rps: 500, p50: 50 });
  });

  it("is refused for a row measured without one, rather than judged against nothing", () => {
    expect(() => besideDocument(row("a", "page a", 100, false))).toThrow("no document floor was measured beside it");
  });
});
