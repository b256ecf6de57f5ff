// The HTTP server: Express 4 in front of the Remix build.
// Middleware goes in createApp(), in order, before the Remix handler.
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type Express } from "express";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { getLoadContext } from "./app/load-context.server";
import { noStore, securityHeaders } from "./app/security/headers.server";
import { requireSameOrigin } from "./app/security/origin.server";
import { startBackgroundWork } from "./app/background.server";
import { compressResponses } from "./app/http/compression.server";
import { buildAssets } from "./app/http/static.server";
import { getSettings, SettingsError, type Settings } from "./app/settings.server";

const root = path.dirname(fileURLToPath(import.meta.url));
export const BUILD_PATH = path.join(root, "build", "index.js");
const ASSETS_PATH = path.join(root, "public", "build");

export async function createApp(settings: Settings, build?: ServerBuild, assetsPath = ASSETS_PATH): Promise<Express> {
  const serverBuild = build ?? ((await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);

  // Security headers (and this response's CSP nonce) on everything, static files included.
  app.use(securityHeaders(settings));
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
    createRequestHandler({ build: serverBuild, mode: serverBuild.mode, getLoadContext }),
  );
  return app;
}

export async function startServer(settings: Settings = getSettings()) {
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
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
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
