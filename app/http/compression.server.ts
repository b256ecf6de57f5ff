// Compression of the portal's own responses (pages, data requests, CSV, the calendar feed):
// brotli or gzip as the browser's Accept-Encoding asks, with Vary: Accept-Encoding, through the
// `compression` middleware. Static files are compressed at build time instead (static.server.ts),
// and `compression` leaves a response alone that already has a Content-Encoding.
import compression from "compression";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { constants } from "node:zlib";

/**
 * Brotli quality 3: less than half the CPU of quality 4 (the middleware's default) for 5–9 % more
 * bytes: the month calendar's 69 KB in 0.20 ms and 11.0 KB, against 0.45 ms and 10.1 KB; gzip's
 * default level takes 0.53 ms for 11.4 KB. Higher qualities cost several times the CPU of rendering a page.
 * A 256 KB window: more than the largest page (the month, about 100 KB), and a new encoder each
 * answer is cheap to set up. With a 1 MB window each answer's encoder took 1.1–1.4 ms, most of it
 * fresh memory faulted in and given back (60–70 page faults an answer); with 256 KB, 0.4 ms and
 * 1–3 faults, for the same bytes (decision 0013).
 */
const BROTLI = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 3,
    [constants.BROTLI_PARAM_LGWIN]: 18,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};

type Chunk = string | Uint8Array;
const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) =>
  typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/**
 * Remix writes a page in many chunks of a few kilobytes, each followed by a flush. Handed to
 * zlib one by one, each chunk is a separate job on libuv's thread pool and each flush ends a
 * compressed block: in the benchmark that cost more than the compression itself. So the chunks
 * written in one turn of the event loop are handed over together, and flushed once: a page
 * rendered at once is compressed in one piece, and a streamed response still goes out as it is
 * written (each turn's part at the end of that turn).
 */
function writeOncePerTurn(res: Response) {
  const write = res.write.bind(res) as (chunk: Buffer) => boolean;
  const end = res.end.bind(res) as (chunk?: Buffer) => Response;
  const flush = res.flush.bind(res);
  let pending: Buffer[] = [];
  let scheduled = false;
  const take = () => {
    const chunk = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    pending = [];
    return chunk;
  };
  const drain = () => {
    scheduled = false;
    if (pending.length === 0 || res.writableEnded) return;
    write(take());
    flush();
  };
  res.write = ((chunk: Chunk, encoding?: BufferEncoding | (() => void), callback?: () => void) => {
    pending.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) setImmediate(done);
    return true;
  }) as Response["write"];
  res.end = ((chunk?: Chunk | (() => void), encoding?: BufferEncoding | (() => void), callback?: () => void) => {
    if (chunk !== undefined && typeof chunk !== "function") pending.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    const done = [chunk, encoding, callback].find((a) => typeof a === "function") as (() => void) | undefined;
    if (done) res.once("finish", done);
    // The whole rest in one piece with the end: `compression` then sees its size (nothing below 1 KB is compressed).
    return end(pending.length > 0 ? take() : undefined);
  }) as Response["end"];
  // Flushed once per turn by drain().
  res.flush = () => undefined;
}

export function compressResponses(): RequestHandler {
  const compress = compression({ brotli: BROTLI });
  return (req: Request, res: Response, next: NextFunction) =>
    compress(req, res, (error?: unknown) => {
      if (error) return next(error);
      writeOncePerTurn(res);
      next();
    });
}
