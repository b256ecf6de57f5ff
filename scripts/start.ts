// `npm start`: one command from a fresh checkout to a running portal.
// Validate settings → var/ → migrate → rebuild the search index → seed when empty → build when stale → serve.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadSettings, SettingsError, type Settings } from "../app/settings.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, quiet: boolean): void {
  const bin = path.join(root, "node_modules", ".bin", command);
  const result = spawnSync(bin, args, { cwd: root, env, encoding: "utf8", stdio: quiet ? "pipe" : "inherit" });
  if (result.status !== 0) {
    if (quiet) process.stderr.write((result.stdout ?? "") + (result.stderr ?? ""));
    fail(`Start-up failed: \`${command} ${args.join(" ")}\` exited with ${result.status ?? result.signal}.`);
  }
}

/** Newest modification time of any file under the given paths. */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

function buildIsStale(): boolean {
  const built = path.join(root, "build", "index.js");
  if (!fs.existsSync(built)) return true;
  const sources = ["app", "workflows", "emails", "remix.config.js", "tsconfig.json", "package.json"].map((p) =>
    path.join(root, p),
  );
  return newestMtime(sources) > fs.statSync(built).mtimeMs;
}

let settings: Settings;
try {
  settings = loadSettings(process.env, root);
} catch (error) {
  if (error instanceof SettingsError) fail(error.message);
  throw error;
}

// 1. Folders.
fs.mkdirSync(path.join(root, "var"), { recursive: true });
fs.mkdirSync(path.resolve(root, settings.mailDir), { recursive: true });
if (settings.databaseUrl.startsWith("file:")) {
  const file = settings.databaseUrl.slice("file:".length).split("?")[0];
  fs.mkdirSync(path.dirname(path.resolve(root, file)), { recursive: true });
}

const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: settings.databaseUrl };

// 2. Prisma client (normally made by `npm install`).
if (!fs.existsSync(path.join(root, "app", "generated", "prisma", "client.ts"))) {
  console.log("Generating the Prisma client…");
  run("prisma", ["generate"], childEnv, true);
}

// 3. Migrations.
console.log("Applying database migrations…");
run("prisma", ["migrate", "deploy"], childEnv, true);

// 4. Rebuild the search index; seed an empty database.
{
  const { connectDb } = await import("../app/db.server");
  const { seedDatabase } = await import("../prisma/seed");
  const { rebuildSearchIndex } = await import("../app/requests/search.server");
  const db = await connectDb(settings.databaseUrl);
  try {
    await rebuildSearchIndex(db);
    const result = await seedDatabase(db, { demoRequests: { now: new Date(), timeZone: settings.timeZone } });
    if (result.seeded) {
      console.log(`Seeded demo data: ${result.departments} departments, ${result.users} accounts (see README).`);
    }
  } finally {
    await db.$disconnect();
  }
}

// 5. Build: the USWDS stylesheet (when its Sass changed), the app, the compressed copies of its assets.
{
  const { buildStyles } = await import("./build-styles");
  if (buildStyles()) console.log("Compiled the USWDS stylesheet.");
}
if (buildIsStale()) {
  console.log("Building the portal (remix build)…");
  run("remix", ["build"], { ...childEnv, NODE_ENV: "production" }, true);
  const { precompress } = await import("./precompress");
  precompress();
}

// 6. Serve.
const { startServer } = await import("../server");
try {
  const server = await startServer(settings);
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") fail(`Port ${settings.port} is already in use; set PORT to another port.`);
  throw error;
}
