// What a page request holds while it is answered, through server.ts's whole stack: it reads the
// signed-in user once for all its loaders (http/requestScope.server.ts: Remix gives the root's
// loader and the page's each a Request of its own, so only the scope the portal's handler opens
// spans them), and leaves nothing behind once sent (entry.server.tsx's abort timer).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oncePerRequest } from "../../app/http/requestScope.server";
import { listen, stubBuild } from "../support/stubBuild";

let reads = 0;
let release: () => void = () => {};
let seenScope: string | null = null;
const read = async () => ({ read: ++reads });

/** What the root's loader and the page's read, as the portal's getUser reads the user. */
const who = (request: Request) => oncePerRequest(request, "who", read);

const build = stubBuild({
  "routes/page": {
    path: "page",
    module: {
      loader: async ({ request }: { request: Request }) => ({ page: await who(request) }),
      action: async ({ request }: { request: Request }) => ({ first: await who(request), second: await who(request) }),
      default: () => null,
    },
  },
  "routes/slow": {
    path: "slow",
    module: {
      loader: async ({ request }: { request: Request }) => {
        seenScope = request.headers.get("x-portal-request-scope");
        const first = await who(request);
        await new Promise<void>((resolve) => (release = resolve));
        return { first };
      },
      default: () => null,
    },
  },
});
const routes = build.routes as unknown as Record<string, { module: Record<string, unknown> }>;
routes.root.module = { ...routes.root.module, loader: async ({ request }: { request: Request }) => ({ user: null, root: await who(request) }) };

let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ base, close } = await listen(build));
});
afterAll(() => close());

/** The loaders' data as single fetch sends it (page.data), in Remix's turbo-stream text. */
async function dataOf(path: string, init: RequestInit = {}) {
  const response = await fetch(base + path, init);
  expect(response.status).toBe(200);
  return response.text();
}

describe("one read of the user per page request", () => {
  it("the root's loader and the page's share one read; the next request reads again", async () => {
    reads = 0;
    await dataOf("/page.data");
    expect(reads).toBe(1);
    const html = await dataOf("/page");
    expect(reads).toBe(2);
    expect(html).toContain("Skip to main content");
  });

  it("a post reads each time: its action may change what the loaders would read", async () => {
    reads = 0;
    // A post without JavaScript: the action's two calls, then the page's document (the root's loader and the page's).
    await dataOf("/page", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base }, body: "a=1" });
    expect(reads).toBe(4);
  });

  it("a scope id the client sends is dropped: it cannot join another request's scope", async () => {
    reads = 0;
    const slow = dataOf("/slow.data");
    await expect.poll(() => reads).toBe(1);
    const open = seenScope;
    expect(open).toMatch(/^\d+$/);
    await dataOf("/page.data", { headers: { "x-portal-request-scope": open! } });
    expect(reads).toBe(2);
    await dataOf("/page", { method: "POST", headers: { "x-portal-request-scope": open!, "Content-Type": "application/x-www-form-urlencoded", Origin: base }, body: "a=1" });
    expect(reads).toBe(6);
    release();
    await slow;
  });
});

describe("nothing left behind", () => {
  it("a page sent leaves no timer holding its render", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    await dataOf("/page");
    const before = timers();
    for (let i = 0; i < 20; i++) await dataOf("/page");
    expect(timers() - before).toBeLessThan(5);
  });
});
