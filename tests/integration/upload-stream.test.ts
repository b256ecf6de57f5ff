// Issue 14: uploads through server.ts's whole stack. A file upload is the one body streamed to its
// route (the attachment route) with a cap: a body that declares 200 MB is refused before it is
// read, one that streams on without a length is cut at the cap, and memory stays flat.
import { request as httpRequest, type Server } from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { createDraft } from "../../app/requests/drafts.server";
import * as filesRoute from "../../app/routes/requests.$id_.attachments";
import { seedDatabase } from "../../prisma/seed";
import { FILES } from "../support/files";
import { FAST_SCRYPT, personAt } from "../support/people";
import { materialsColumns } from "../support/requests";
import { cookieFor, useTestDatabase } from "../support/routes";
import { listen, stubBuild } from "../support/stubBuild";
import { createTestDb, type TestDb } from "../support/testDb";

const build = stubBuild({
  "routes/requests.$id_.attachments": {
    path: "requests/:id/attachments",
    module: { action: filesRoute.action, loader: filesRoute.loader, default: () => null },
  },
});

let t: TestDb;
let db: PrismaClient;
let server: Server;
let base = "";
let cookie = "";
let requestId = "";
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await createTestDb("upload-stream");
  db = t.db;
  useTestDatabase(t.url);
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  cookie = await cookieFor(db, "requester.partner@example.gov");
  const requester = await personAt(db, "requester.partner@example.gov", new Date());
  requestId = (await createDraft(db, { user: requester, columns: materialsColumns("2099-01-10"), now: new Date(), timeZone: "America/New_York" })).id;
  ({ server, base } = await listen(build, { DATABASE_URL: t.url }));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await t.cleanup();
});

const BOUNDARY = "----portal-test-boundary";
const head = (name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nattach\r\n` +
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\nLarge file\r\n` +
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;

describe("uploads through the whole stack", () => {
  it("a multipart upload to the attachment route is streamed to the action and stored (JavaScript off: a plain form post)", async () => {
    const form = new FormData();
    form.append("intent", "attach");
    form.append("file", new File([Uint8Array.from(FILES.pdf)], "mailer.pdf"));
    form.append("description", "The mailer");
    const res = await fetch(`${base}/requests/${requestId}/attachments`, { method: "POST", body: form, headers: { Cookie: cookie, Origin: base }, redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/requests/${requestId}?done=ATTACH#files`);
    expect(await db.attachment.count({ where: { requestId, fileName: "mailer.pdf" } })).toBe(1);
  });

  it("a body declaring 200 MB is refused (413) before any of it is read, and the connection closed", async () => {
    const { port } = new URL(base);
    const socket = net.connect(Number(port), "127.0.0.1");
    const started = Date.now();
    const reply = await new Promise<string>((resolve, reject) => {
      let text = "";
      socket.setEncoding("latin1");
      socket.on("data", (chunk: string) => (text += chunk));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
      socket.write(
        `POST /requests/${requestId}/attachments HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${base}\r\nCookie: ${cookie}\r\n` +
          `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${200 * MB}\r\n\r\n${head("huge.pdf")}%PDF-1.4\n`,
      );
    });
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toMatch(/\r\nConnection: close\r\n/i);
    expect(reply).toContain("The upload is too large");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a body streamed without a length is cut at the cap: 413, the rest never read, memory flat", async () => {
    const { hostname, port } = new URL(base);
    // Measured after full collections (vitest.config.ts gives the workers --expose-gc): what is
    // still held, not what the collector has not reached yet on a busy machine. Two of them: V8
    // frees the backing stores of the buffers one collection finds dead as it sweeps, which can
    // still be under way when it returns (seen as 10–50 MB more on a loaded machine); the next
    // collection finishes that sweep first.
    const retained = () => {
      gc!();
      gc!();
      return process.memoryUsage();
    };
    const before = retained();
    // Measured once the server has let go of the connection, not when the answer reaches the client.
    const serverClosed = new Promise<void>((resolve) => server.once("connection", (socket) => socket.once("close", resolve)));
    let sent = 0;
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          hostname,
          port,
          method: "POST",
          path: `/requests/${requestId}/attachments`,
          headers: { Origin: base, Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, "Transfer-Encoding": "chunked" },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      let answered = false;
      req.on("response", () => (answered = true));
      req.on("error", (error) => (answered ? undefined : reject(error)));
      req.write(head("endless.pdf") + "%PDF-1.4\n");
      const pump = () => {
        while (!answered && sent < 200 * MB) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
    await serverClosed;
    const grew = retained().arrayBuffers - before.arrayBuffers;
    console.log(`streamed upload cut after ${(sent / MB).toFixed(1)} MB sent; arrayBuffers grew ${(grew / MB).toFixed(1)} MB`);
    expect(status).toBe(413);
    // The cap is the request total (25 MB) and 1 MB for the form: the answer comes long before 200 MB.
    expect(sent).toBeLessThan(40 * MB);
    // Less than one file's limit (10 MB): the server keeps none of what it read once it has answered.
    expect(grew).toBeLessThan(8 * MB);
    expect(await db.attachment.count({ where: { requestId, fileName: "endless.pdf" } })).toBe(0);
  });
});
