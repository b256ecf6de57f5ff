// Compression of the portal's own responses (pages, data requests, CSV, the calendar feed):
// brotli or gzip as the browser's Accept-Encoding asks, with Vary: Accept-Encoding, through the
// `compression` middleware. Static files are compressed at build time instead (static.server.ts),
// and `compression` leaves a response alone that already has a Content-Encoding.
import compression from "compression";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { constants } from "node:zlib";

/**
 * Brotli quality 4 (the middleware's default, stated here because it matters): about gzip's
 * speed at a smaller size. Higher qualities cost several times the CPU of rendering a page.
 * A 1 MB window is plenty for pages of tens of kilobytes and smaller to set up than the 4 MB default.
 */
const BROTLI = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 4,
    [constants.BROTLI_PARAM_LGWIN]: 20,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};

export function compressResponses(): RequestHandler {
  const compress = compression({ brotli: BROTLI });
  return (req: Request, res: Response, next: NextFunction) =>
    compress(req, res, (error?: unknown) => {
      if (error) return next(error);
      // Remix flushes after every chunk it writes (a few kilobytes each), which would end a
      // compressed block each time: worse compression, more CPU. One flush per turn of the event
      // loop sends the same bytes as soon, so a streamed response still arrives as it is written.
      const flushNow = res.flush.bind(res);
      let scheduled = false;
      res.flush = () => {
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          flushNow();
        });
      };
      next();
    });
}
