// Cross-site request forgery: every request that may change something (any method but
// GET and HEAD) must come from the portal's own pages. Browsers send Origin on such
// requests; when one does not, Sec-Fetch-Site tells where the request came from.
// A request with neither is refused: every browser the portal supports sends one.
import type { NextFunction, Request, RequestHandler, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD"]);

export interface OriginHeaders {
  origin: string | undefined;
  secFetchSite: string | undefined;
}

/** True when the request may go on. */
export function isAllowedOrigin(method: string, headers: OriginHeaders, appOrigin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (headers.origin !== undefined) return headers.origin === appOrigin;
  return headers.secFetchSite === "same-origin" || headers.secFetchSite === "none";
}

const REFUSED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Request refused – 3-1-1 Number Use Portal</title></head>
<body><main><h1>Request refused</h1>
<p>This form was sent from another site, so the portal did not act on it. Nothing was changed.</p>
<p>Open the portal and try again from its own pages: <a href="/">go to the home page</a>.</p></main></body></html>`;

export function requireSameOrigin(options: { appUrl: string }): RequestHandler {
  const appOrigin = new URL(options.appUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    const headers: OriginHeaders = {
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
    };
    if (isAllowedOrigin(req.method, headers, appOrigin)) {
      next();
      return;
    }
    res.status(403).type("html").send(REFUSED_PAGE);
  };
}
