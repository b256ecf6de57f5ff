// Cross-site request forgery: every request that may change something (any method but
// GET and HEAD) must come from the portal's own pages. Browsers send Origin on such
// requests; when one does not, Sec-Fetch-Site tells where the request came from.
// A request with neither is refused: every browser the portal supports sends one.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { sendPortalPage, type PortalPage } from "../http/portalPage.server";

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

const REFUSED: PortalPage = {
  title: "Request refused",
  paragraphs: [
    "This form was sent from another site, so the portal did not act on it. Nothing was changed.",
    "Open the portal and try again from its own pages.",
  ],
};

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
    sendPortalPage(res, 403, REFUSED);
  };
}
