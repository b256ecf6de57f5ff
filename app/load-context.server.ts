// What server.ts gives every loader and action besides the request.
import type { Request, Response } from "express";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** This response's CSP nonce (headers.server.ts); every <script> must carry it. */
    cspNonce: string;
    /** The client's address, for sign-in limits: the socket's, or the one TRUST_PROXY's proxies report. */
    clientAddress: string;
    /**
     * Set when the answer is a document (not a single-fetch `.data` request): markup loaders made
     * for the server's render alone (http/serverMarkup.server.ts).
     */
    documentMarkup?: Map<string, string>;
  }
}

export function getLoadContext(req: Request, res: Response) {
  const nonce: unknown = res.locals.cspNonce;
  if (typeof nonce !== "string") throw new Error("securityHeaders middleware must run before the Remix handler");
  const documentMarkup = req.path.endsWith(".data") ? undefined : new Map<string, string>();
  return { cspNonce: nonce, clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", documentMarkup };
}
