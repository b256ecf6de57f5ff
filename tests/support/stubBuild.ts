// A Remix ServerBuild made of the portal's real entry.server and root (layout, error
// pages) plus routes a test supplies, for tests of server.ts's whole stack (headers,
// Origin checks, error pages) without `remix build` or a database; and server.ts's app serving one.
import type { ServerBuild } from "@remix-run/node";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as entryServer from "../../app/entry.server";
import * as root from "../../app/root";
import { loadSettings } from "../../app/settings.server";
import { createApp } from "../../server";

export interface StubRoute {
  path: string;
  module: Record<string, unknown>;
}

export function stubBuild(routes: Record<string, StubRoute>, mode: "production" | "development" = "production"): ServerBuild {
  // The real root, without its loader's session lookup (no database here).
  const rootModule = { ...root, loader: async () => ({ user: null }) };
  const manifestRoutes: Record<string, unknown> = {
    root: manifestEntry("root", undefined, "", rootModule),
  };
  const serverRoutes: Record<string, unknown> = {
    root: { id: "root", parentId: undefined, path: "", index: undefined, caseSensitive: undefined, module: rootModule },
  };
  for (const [id, r] of Object.entries(routes)) {
    manifestRoutes[id] = manifestEntry(id, "root", r.path, r.module);
    serverRoutes[id] = { id, parentId: "root", path: r.path, index: undefined, caseSensitive: undefined, module: r.module };
  }
  return {
    mode,
    entry: { module: entryServer },
    routes: serverRoutes,
    assets: {
      entry: { module: "/build/entry.client-test.js", imports: [] },
      routes: manifestRoutes,
      url: "/build/manifest-test.js",
      version: "test",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

function manifestEntry(id: string, parentId: string | undefined, path: string, module: Record<string, unknown>) {
  return {
    id,
    parentId,
    path,
    index: undefined,
    caseSensitive: undefined,
    module: `/build/${id}-test.js`,
    imports: [],
    hasAction: typeof module.action === "function",
    hasLoader: typeof module.loader === "function",
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: typeof module.ErrorBoundary === "function",
  };
}

/** server.ts's app serving `build` on a free loopback port; APP_URL is that address unless `env` gives one. */
export async function listen(
  build: ServerBuild,
  env: Record<string, string> = {},
  assets?: string,
): Promise<{ server: Server; base: string; close: () => Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settings = loadSettings({ NODE_ENV: "test", APP_URL: base, SESSION_SECRET: "s".repeat(40), ...env });
  server.on("request", await createApp(settings, build, assets));
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { server, base, close };
}
