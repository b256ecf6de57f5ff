// The HTTP server: Express 4 in front of the Remix build.
// Middleware goes in createApp(), in order, before the Remix handler.
import type { ServerBuild } from "@remix-run/node";
import express, { type Express } from "express";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { finalErrorHandler } from "./app/http/errorHandler.server";
import { createRemixHandler } from "./app/http/remixHandler.server";
import { UPLOAD_OVERHEAD_BYTES } from "./app/http/uploadBody.server";
import { getLoadContext } from "./app/load-context.server";
import { keepFilesPrivate } from "./app/privateFiles.server";
import { CSP_REPORT_PATH, cspReportHandler } from "./app/security/cspReport.server";
import { noStore, securityHeaders } from "./app/security/headers.server";
import { requireSameOrigin } from "./app/security/origin.server";
import { startBackgroundWork } from "./app/background.server";
import { compressResponses } from "./app/http/compression.server";
import { buildAssets } from "./app/http/static.server";
import { getSettings, SettingsError, type Settings } from "./app/settings.server";
import { runsAsCommand } from "./scripts/runsAsCommand";

const root = path.dirname(fileURLToPath(import.meta.url));
export const BUILD_PATH = path.join(root, "build", "index.js");
const ASSETS_PATH = path.join(root, "public", "build");

export async function createApp(settings: Settings, build?: ServerBuild, assetsPath = ASSETS_PATH): Promise<Express> {
  const serverBuild = build ?? ((await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild);
  const app = express();
  app.disable("x-powered-by");
  // Production mode whatever NODE_ENV says (issue 15): Express's development mode is only
  // its default error page with the stack, which finalErrorHandler replaces anyway.
  app.set("env", "production");
  app.set("trust proxy", settings.trustProxy);

  // Security headers (and this response's CSP nonce) on everything, static files included.
  app.use(securityHeaders(settings));
  // Browsers post CSP reports from anywhere, without the page's Origin: before the Origin check.
  app.post(CSP_REPORT_PATH, cspReportHandler());
  // Refuse cross-site POST/PUT/PATCH/DELETE before anything reads the body or acts on it.
  app.use(requireSameOrigin(settings));

  // Fingerprinted assets, precompressed at build time: cache for a year. Mounted by path, so a
  // page's request does not first look for a file on disk.
  app.use("/build", buildAssets(assetsPath));
  // Everything else the portal answers (pages, data, CSV, the calendar feed) is compressed as sent.
  app.use(compressResponses());

  app.all(
    "*",
    noStore,
    // The build's own mode ("production" after `remix build`): error details stay on the server console.
    createRemixHandler({
      build: serverBuild,
      mode: serverBuild.mode,
      appUrl: settings.appUrl,
      getLoadContext,
      maxUploadBytes: settings.attachmentMaxRequestBytes + UPLOAD_OVERHEAD_BYTES,
    }),
  );
  // Last: every error any middleware passed on gets the portal's own page.
  app.use(finalErrorHandler);
  return app;
}

export async function startServer(settings: Settings = getSettings()) {
  keepFilesPrivate({ varDir: path.join(root, "var"), databaseUrl: settings.databaseUrl, mailDir: path.resolve(root, settings.mailDir) });
  const app = await createApp(settings);
  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const listening = app.listen(settings.port, () => {
      console.log(`3-1-1 Number Use Portal listening on ${settings.appUrl} (port ${settings.port})`);
      resolve(listening);
    });
    listening.on("error", reject);
  });
  const stopBackgroundWork = await startBackgroundWork(settings);
  server.on("close", () => void stopBackgroundWork());
  return server;
}

// `tsx server.ts`
if (runsAsCommand(import.meta.url)) {
  try {
    await startServer();
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  }
}
