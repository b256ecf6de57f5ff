// The last middleware (issue 15, item 3): whatever went wrong, the answer is the portal's own
// page, never Express's (which showed the stack and file paths). The details go to the
// server's console only.
import type { ErrorRequestHandler } from "express";
import { sendPortalPage, type PortalPage } from "./portalPage.server";
import { BAD_ADDRESS } from "./remixHandler.server";

const SERVER_ERROR: PortalPage = {
  title: "Something went wrong",
  paragraphs: [
    "The portal had a problem with this request. Nothing you did caused it.",
    "Try again in a few minutes. If it keeps happening, tell the portal administrator.",
  ],
};

const UNREADABLE_REQUEST: PortalPage = {
  title: "The request could not be read",
  paragraphs: ["The portal could not understand this request, so nothing was changed. Go back and try again."],
};

/** A client's mistake that Express or `send` reported (a malformed path is 400); anything else is ours. */
function statusOf(error: unknown): number {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" && status >= 400 && status < 500 ? status : 500;
}

export const finalErrorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const status = statusOf(error);
  // JSON.stringify: a path may carry control characters meant to forge log lines.
  console.error(`${req.method} ${JSON.stringify(req.originalUrl)} answered ${status}:`, error);
  if (res.headersSent) {
    // Part of an answer is on its way: the connection cannot carry a page any more.
    res.destroy();
    return;
  }
  if (status === 500) sendPortalPage(res, 500, SERVER_ERROR);
  else sendPortalPage(res, status, status === 400 ? BAD_ADDRESS : UNREADABLE_REQUEST);
};
