// The browser tests' portal on PostgreSQL (issue 17): two instances sharing one database, and a
// small round-robin proxy in front, so that the requests of every test alternate between them as
// a load balancer would send them. `npm start` prepares the database (migrations, demo data) and
// serves the first; `npm run serve` serves the second from the same build. Playwright starts
// this as its web server and stops it (and with it both instances) at the end. The instances
// listen on ports the OS picks, so only the proxy's (E2E_PORT) must be free.
import { spawn } from "node:child_process";
import http from "node:http";
import { freePort } from "../support/freePort";

const port = Number(process.env.PORT);
const upstreams = [await freePort()];
while (upstreams.length < 2) {
  const another = await freePort();
  if (!upstreams.includes(another)) upstreams.push(another);
}

/**
 * Ends both instances with this process: its whole process group (Playwright starts its web
 * server in a group of its own), since npm does not pass a SIGTERM on to the server under it.
 */
let stopping = false;
function stop(code: number): never {
  if (!stopping) {
    stopping = true;
    process.kill(0, "SIGTERM");
  }
  process.exit(code);
}
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));

async function ready(upstream: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${upstream}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The portal instance on port ${upstream} did not start`);
}

function start(script: string, upstream: number): void {
  const child = spawn("npm", ["run", "--silent", script], { env: { ...process.env, PORT: String(upstream) }, stdio: "inherit" });
  child.on("exit", (code) => {
    console.error(`The portal instance on port ${upstream} ended (${code})`);
    stop(1);
  });
}

start("start", upstreams[0]);
await ready(upstreams[0]);
start("serve", upstreams[1]);
await ready(upstreams[1]);

let next = 0;
http
  .createServer((req, res) => {
    const upstream = upstreams[next++ % upstreams.length];
    const forward = http.request(
      // A new connection each time (agent: false): a kept-alive one the instance is closing as a
      // request goes out answers with a reset, which the proxy would pass on as a 502.
      { host: "127.0.0.1", port: upstream, method: req.method, path: req.url, headers: req.headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    forward.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  })
  .listen(port, "127.0.0.1", () => console.log(`Round-robin proxy on ${port} → ${upstreams.join(", ")}`));
