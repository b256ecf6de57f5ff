// Where browsers report what the Content-Security-Policy blocked (report-uri, and report-to
// through the Reporting API), so a blocked style or script shows up in the server's log.
// Anyone can post here (browsers send reports without cookies, often with no Origin), so a
// report is small, its fields are cut short and stripped of control characters (no forged log
// lines), and the log takes at most LINES_PER_MINUTE of them: a flood costs a counter.
import type { Request, RequestHandler, Response } from "express";
import { readBody } from "../http/body.server";

export const CSP_REPORT_PATH = "/csp-report";
/** The Reporting API's name for the endpoint, in `report-to` and Reporting-Endpoints. */
export const CSP_REPORT_GROUP = "csp";

const MAX_REPORT_BYTES = 16 * 1024;
const LINES_PER_MINUTE = 20;
const REPORT_TYPES = new Set(["application/csp-report", "application/reports+json", "application/json"]);

type Fields = Record<string, unknown>;

interface Violation {
  document: unknown;
  directive: unknown;
  blocked: unknown;
  source: unknown;
  line: unknown;
}

/** Both shapes: report-uri's {"csp-report": {...}} and the Reporting API's [{type, url, body}]. */
function violationsIn(json: unknown): Violation[] {
  if (Array.isArray(json)) {
    return json
      .filter((r: Fields) => r && typeof r === "object" && r.type === "csp-violation" && r.body && typeof r.body === "object")
      .map((r: Fields) => {
        const b = r.body as Fields;
        return { document: b.documentURL ?? r.url, directive: b.effectiveDirective, blocked: b.blockedURL, source: b.sourceFile, line: b.lineNumber };
      });
  }
  const report = json && typeof json === "object" ? (json as Fields)["csp-report"] : undefined;
  if (!report || typeof report !== "object") return [];
  const r = report as Fields;
  return [
    {
      document: r["document-uri"],
      directive: r["effective-directive"] ?? r["violated-directive"],
      blocked: r["blocked-uri"],
      source: r["source-file"],
      line: r["line-number"],
    },
  ];
}

const clean = (value: unknown) =>
  String(value ?? "?")
    .replace(/[\p{Cc}\u2028\u2029]/gu, "?")
    .slice(0, 200);

function describe(v: Violation): string {
  const where = v.source ? ` (${clean(v.source)}:${clean(v.line)})` : "";
  return `CSP violation: ${clean(v.directive)} blocked ${clean(v.blocked)} on ${clean(v.document)}${where}`;
}

export function cspReportHandler(now: () => number = Date.now): RequestHandler {
  let windowStart = 0;
  let logged = 0;
  let dropped = 0;

  const log = (line: string) => {
    const t = now();
    if (t - windowStart >= 60_000) {
      if (dropped > 0) console.warn(`CSP violation: ${dropped} more reports in the last minute were not logged`);
      windowStart = t;
      logged = 0;
      dropped = 0;
    }
    if (logged < LINES_PER_MINUTE) {
      logged++;
      console.warn(line);
    } else {
      dropped++;
    }
  };

  const answer = (res: Response, status: number) => res.status(status).set("Cache-Control", "no-store").end();

  return async (req: Request, res: Response) => {
    const mediaType = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (!REPORT_TYPES.has(mediaType)) return answer(res, 415);
    const body = await readBody(req, MAX_REPORT_BYTES);
    if (body === null) return answer(res, 413);
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      return answer(res, 400);
    }
    for (const violation of violationsIn(json).slice(0, 10)) log(describe(violation));
    answer(res, 204);
  };
}
