// `npm start`: one command from a fresh checkout to a running portal.
// Validate settings → var/ → under the start lock: migrate, rebuild the search index, seed demo
// data when empty (never in production) → build when stale → serve.
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

// 1. Folders, private to this user (as is everything written from here on, the migrations' new
// database included: the umask passes to them).
{
  const { keepFilesPrivate, sqliteFile } = await import("../app/privateFiles.server");
  const database = sqliteFile(settings.databaseUrl);
  if (database) fs.mkdirSync(path.dirname(database), { recursive: true });
  keepFilesPrivate({ varDir: path.join(root, "var"), databaseUrl: settings.databaseUrl, mailDir: path.resolve(root, settings.mailDir) });
}

const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: settings.databaseUrl };

// 2. Prisma client (normally made by `npm install`).
if (!fs.existsSync(path.join(root, "app", "generated", "prisma", "client.ts"))) {
  console.log("Generating the Prisma client…");
  run("prisma", ["generate"], childEnv, true);
}

// 3–4. Migrate, rebuild the search index, reseal, seed: once, however many instances start together.
{
  const { prepareDatabase } = await import("../prisma/prepare");
  await prepareDatabase(settings);
}
if (settings.nodeEnv === "production" && !settings.smtpUrl) {
  // Each instance would keep its own .eml files, which no one reads: production sends by SMTP.
  console.warn(`SMTP_URL is not set: e-mail is written to ${settings.mailDir} on this instance only (MAIL_DIR is for development).`);
}

// 5. Build: the USWDS stylesheet and its fonts (when USWDS or the Sass changed), the app, the
// compressed copies of its assets.
{
  const { buildStyles } = await import("./build-styles");
  if (await buildStyles()) console.log("Made the USWDS stylesheet and its fonts.");
}
if (buildIsStale()) {
  console.log("Building the portal (remix build)…");
  run("remix", ["build"], { ...childEnv, NODE_ENV: "production" }, true);
  const { finishBuild } = await import("./finishBuild");
  finishBuild();
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
