// The portal's production server for the benchmark, on loopback only: createApp from server.ts,
// run as a child process (`tsx bench/serve.ts`) so the load generator has its own core.
// Settings come from the environment, as for `npm run serve`.
import { createApp } from "../server";
import { loadSettings } from "../app/settings.server";

const settings = loadSettings();
const app = await createApp(settings);
const server = app.listen(settings.port, "127.0.0.1", () => {
  // The parent waits for this line, and reads this process's CPU time by its pid.
  console.log(`listening ${settings.port} pid ${process.pid}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
