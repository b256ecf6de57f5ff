// Security headers on every response, and a fresh CSP nonce for each one.
// The nonce goes to Remix through getLoadContext (load-context.server.ts) and from
// there to every <script> the app renders (entry.server.tsx, root.tsx).
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { randomBytes } from "node:crypto";
import { CSP_REPORT_GROUP, CSP_REPORT_PATH } from "./cspReport.server";

/** 128 random bits, as CSP Level 3 recommends at least. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * 'strict-dynamic' lets the nonce'd entry module load the route chunks it imports,
 * without listing them; browsers that know it ignore host lists in script-src.
 * img-src allows data: for the MFA QR code (an SVG made on the server).
 * Violations are reported to CSP_REPORT_PATH: report-uri for every browser, report-to for
 * those with the Reporting API (which then ignore report-uri).
 * form-action also governs where a form's answer may redirect: the Sign out button's answer goes
 * to the county's provider to end the session there (issue 18), so its origin is allowed.
 */
export function contentSecurityPolicy(nonce: string, providerOrigin: string | null = null): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    providerOrigin ? `form-action 'self' ${providerOrigin}` : "form-action 'self'",
    `report-uri ${CSP_REPORT_PATH}`,
    `report-to ${CSP_REPORT_GROUP}`,
  ].join("; ");
}

const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

/**
 * Pages carry personal and county data: keep them out of shared caches and the back-forward
 * history of a shared computer. For the portal's own responses only: static files set their
 * own caching, which `send` skips when a Cache-Control is already there.
 */
export function noStore(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("Cache-Control", "no-store");
  next();
}

/**
 * The build's files (scripts, stylesheets, fonts, images) are never documents in the pages that
 * load them: the page's CSP, Permissions-Policy, COOP, X-Frame-Options and Reporting-Endpoints do
 * nothing there, and at ~500 bytes a response they were a tenth of a first visit (issue 20).
 * What such a file still needs: nosniff and CORP (kept), and for one opened on its own (an SVG
 * can hold script) a policy that runs nothing and cannot be framed.
 */
export const ASSET_CSP = "default-src 'none'; frame-ancestors 'none'";
// Referrer-Policy too: a file's own requests (a stylesheet's fonts and images) are same-origin.
const DOCUMENT_ONLY_HEADERS = ["Reporting-Endpoints", "Permissions-Policy", "Cross-Origin-Opener-Policy", "X-Frame-Options", "Referrer-Policy"];

/** For serve-static's `setHeaders`: called only when a file is found and about to be sent. */
export function assetHeaders(res: { setHeader: (name: string, value: string) => unknown; removeHeader: (name: string) => void }): void {
  res.setHeader("Content-Security-Policy", ASSET_CSP);
  for (const name of DOCUMENT_ONLY_HEADERS) res.removeHeader(name);
}

export function securityHeaders(options: { appUrl: string; oidc: { issuer: string } | null }): RequestHandler {
  const https = new URL(options.appUrl).protocol === "https:";
  const providerOrigin = options.oidc ? new URL(options.oidc.issuer).origin : null;
  // The Reporting API wants an absolute address.
  const reportingEndpoints = `${CSP_REPORT_GROUP}="${options.appUrl}${CSP_REPORT_PATH}"`;
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, providerOrigin));
    res.setHeader("Reporting-Endpoints", reportingEndpoints);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    // Older browsers that do not know frame-ancestors.
    res.setHeader("X-Frame-Options", "DENY");
    if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}
