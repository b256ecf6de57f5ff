// The bench's growth target (issue 17: a page's median grows at most 1.3× from 1 000 to 100 000
// requests) is judged over the signed-out document's own growth, which reads nothing and so
// measures only how the host's speed moved between the two runs (decision 0031).
import { describe, expect, it } from "vitest";
import { evaluate, type SizeResult } from "../../bench/report";

const result = (p50: number) => ({ rps: 100, p50, p95: p50, p99: p50, requests: 100, failures: 0, serverCpuMs: 1 });

function size(requests: number, documentP50: number, pageP50: number, documentAgainP50?: number): SizeResult {
  const row = (key: string, label: string, p50: number, floor: boolean) => ({
    key,
    label,
    floor,
    result: result(p50),
    compressed: result(p50),
    transfer: null,
    ratio: 0.5,
    documentRatio: 0.5,
  });
  return {
    engine: "sqlite",
    size: requests,
    seed: {} as SizeResult["seed"],
    rows: [
      row("document", "sign-in page, signed out (document floor)", documentP50, true),
      row("list", "request list", pageP50, false),
      ...(documentAgainP50 === undefined ? [] : [row("document-again", "sign-in page again, after the pages (document floor)", documentAgainP50, true)]),
    ],
    pair: [],
    transitions: { ratio: 1, concurrent: { ok: true, accepted: 1, refused: 0, auditAdded: 1, versionAdded: 1 } } as unknown as SizeResult["transitions"],
  };
}

const listTarget = (sizes: SizeResult[]) => evaluate(sizes, [{ route: "routes/requests._index", files: 1, brotliBytes: 1000 }]).find((t) => t.name.startsWith("request list"))!;

describe("the bench's p50 growth target", () => {
  it("counts what the document's own p50 moved as the host's drift, not the page's growth", () => {
    const drifted = listTarget([size(1000, 50, 100), size(100_000, 60, 150)]);
    expect(drifted.met).toBe(true);
    expect(drifted.detail).toContain("grew 1.25× over the document's 1.2× (1.5× as measured)");
  });

  it("takes the document's p50 as the mean of its measurements before and after the pages", () => {
    const drifted = listTarget([size(1000, 50, 100), size(100_000, 50, 150, 70)]);
    expect(drifted.detail).toContain("grew 1.25× over the document's 1.2× (1.5× as measured)");
  });

  it("misses when the page grows more than 1.3× beyond the document's", () => {
    const grown = listTarget([size(1000, 50, 100), size(100_000, 50, 150)]);
    expect(grown.met).toBe(false);
    expect(grown.detail).toContain("p50 grew 1.5× from 1000 over the document's 1× (> 1.3×; 1.5× as measured)");
  });
});
