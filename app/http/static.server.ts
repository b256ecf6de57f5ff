// The build's fingerprinted assets (/build/: scripts, the stylesheets, and the fonts and images
// they refer to), served with a year's immutable caching and, where the browser accepts it, as
// the brotli or gzip copy made at build time (scripts/precompress.ts): no compression work per
// request. express-static-gzip lists the copies once, at start, and sets Vary: Accept-Encoding
// on every file that has them. A file goes out with a file's security headers, not a page's.
import expressStaticGzip from "express-static-gzip";
import type { RequestHandler } from "express";
import { assetHeaders } from "../security/headers.server";

export function buildAssets(dir: string): RequestHandler {
  const serve = expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ["br", "gzip"],
    index: false,
    // A fingerprinted file never changes, so no revalidation: no ETag or Last-Modified to send;
    // it is small and sent whole: no Accept-Ranges.
    // The headers of a file, not a page's (headers.server.ts): only when a file is sent, so a
    // missing one still gets the portal's 404 page with a page's headers.
    serveStatic: { immutable: true, maxAge: "1y", index: false, etag: false, lastModified: false, acceptRanges: false, setHeaders: assetHeaders },
  });
  return (req, res, next) => {
    // express-static-gzip answers a malformed path itself, in plain text: the portal's own 400 page instead.
    try {
      decodeURIComponent(req.path);
    } catch (error) {
      next(Object.assign(error as Error, { status: 400 }));
      return;
    }
    serve(req, res, next);
  };
}
