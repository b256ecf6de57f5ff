// Reading a request's body whole, within a limit, for the form check and the CSP reports.
import type { Request } from "express";

/**
 * The body, or null when it is longer than `limit`. Past the limit it reads on (without keeping
 * anything) up to 16 times the limit, so the client can still read the refusal; beyond that the
 * connection is dropped.
 */
export function readBody(req: Request, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | null) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      req.off("error", reject);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > 16 * limit) {
        req.destroy();
        finish(null);
      } else if (size <= limit) {
        chunks.push(chunk);
      }
    };
    const onEnd = () => finish(size > limit ? null : Buffer.concat(chunks));
    // The client went away before the end: there is no whole body, and no one to answer.
    const onClose = () => finish(null);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
    req.on("error", reject);
  });
}
