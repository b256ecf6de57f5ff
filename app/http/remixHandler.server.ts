// Express → Remix, in place of @remix-run/express's handler (issue 15, items 4 and 7), which
// - appended every header of Remix's answer to those the middleware had set, so a route's own
//   Cache-Control or Referrer-Policy arrived twice; here the route's value replaces the default;
// - gave Remix the Host the connection carried: behind a proxy that is not APP_URL's host, and
//   Remix's own Origin-against-Host check threw an empty 500 on every post. Here the request is
//   addressed to APP_URL, whose origin requireSameOrigin has already matched against Origin;
// - streamed any body to the actions, whose `request.formData()` threw (a 500) on JSON, on a
//   missing Content-Type or on malformed multipart. Here a body must be a form, read whole
//   within MAX_FORM_BYTES and parsed once before any action runs (415, 413 or 400 otherwise).
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { readBody } from "./body.server";
import { openRequestScope } from "./requestScope.server";
import { sendPortalPage, type PortalPage } from "./portalPage.server";
import { cappedBody, declaresTooMuch, isUpload, UPLOAD_TOO_LARGE_PAGE } from "./uploadBody.server";

/** The portal's forms are text (files go to the one upload route). A megabyte is far more than any form needs. */
export const MAX_FORM_BYTES = 1024 * 1024;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

export const NOT_A_FORM: PortalPage = {
  title: "This kind of request is not accepted",
  paragraphs: ["The portal only accepts forms sent from its own pages. Nothing was changed.", "Go back to the page and send the form again."],
};
export const FORM_TOO_LARGE: PortalPage = {
  title: "The form is too large",
  paragraphs: ["What was sent is larger than any of the portal's forms can hold, so nothing was changed.", "Go back, shorten what you typed and send it again."],
};
export const FORM_UNREADABLE: PortalPage = {
  title: "The form could not be read",
  paragraphs: ["What was sent is not a complete form, so nothing was changed.", "Go back to the page and send the form again."],
};
export const BAD_ADDRESS: PortalPage = {
  title: "That address is not valid",
  paragraphs: ["The address has characters the portal cannot read. Check the link, or start again from the home page."],
};

type Body = { kind: "form"; bytes: Uint8Array<ArrayBuffer> } | { kind: "refused"; status: 413 | 415 | 400; page: PortalPage };

async function formBody(req: ExpressRequest): Promise<Body> {
  const contentType = req.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.has(mediaType)) return { kind: "refused", status: 415, page: NOT_A_FORM };
  if (Number(req.get("content-length") ?? 0) > MAX_FORM_BYTES) return { kind: "refused", status: 413, page: FORM_TOO_LARGE };
  const read = await readBody(req, MAX_FORM_BYTES);
  if (read === null) return { kind: "refused", status: 413, page: FORM_TOO_LARGE };
  const bytes = Uint8Array.from(read);
  if (mediaType === "multipart/form-data") {
    try {
      await new Response(bytes, { headers: { "Content-Type": contentType } }).formData();
    } catch {
      return { kind: "refused", status: 400, page: FORM_UNREADABLE };
    }
  }
  return { kind: "form", bytes };
}

function remixHeaders(req: ExpressRequest, appHost: string): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of [value].flat()) headers.append(name, one);
  }
  headers.set("host", appHost);
  headers.delete("x-forwarded-host");
  return headers;
}

async function sendRemixResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.append("Set-Cookie", cookies);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

export function createRemixHandler(options: {
  build: ServerBuild;
  mode: string;
  appUrl: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
  /** The largest upload body (uploadBody.server.ts); without it, uploads are held to MAX_FORM_BYTES like any form. */
  maxUploadBytes?: number;
}): RequestHandler {
  const handle = createRequestHandler(options.build, options.mode);
  const app = new URL(options.appUrl);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      // An absolute-form target ("GET http://other/ HTTP/1.1") is for proxies, not for the portal.
      if (!req.originalUrl.startsWith("/")) return sendPortalPage(res, 400, BAD_ADDRESS);
      let body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | undefined;
      let passedCap = () => false;
      if (options.maxUploadBytes !== undefined && isUpload(req)) {
        if (declaresTooMuch(req, options.maxUploadBytes)) {
          // Not read: closing the connection spares reading the rest only to drop it.
          res.set("Connection", "close");
          return sendPortalPage(res, 413, UPLOAD_TOO_LARGE_PAGE);
        }
        ({ body, passedCap } = cappedBody(req, options.maxUploadBytes));
      } else if (req.method !== "GET" && req.method !== "HEAD") {
        const read = await formBody(req);
        if (read.kind === "refused") return sendPortalPage(res, read.status, read.page);
        body = read.bytes;
      }
      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const headers = remixHeaders(req, app.host);
      const closeScope = openRequestScope(req.method, headers);
      try {
        const request = new Request(`${app.origin}${req.originalUrl}`, {
          method: req.method,
          headers,
          signal: controller.signal,
          body,
          // A streamed body (an upload) is sent as it comes.
          ...(body instanceof ReadableStream && { duplex: "half" }),
        });
        const response = await handle(request, options.getLoadContext(req, res));
        if (passedCap()) res.set("Connection", "close");
        await sendRemixResponse(res, response);
      } finally {
        closeScope();
        // Answered (or failed): the request's signal ends too. Remix keeps single fetch's stream
        // timer, and with it the page's data, until the signal aborts or ~5 s pass.
        controller.abort();
      }
    } catch (error) {
      next(error);
    }
  };
}
