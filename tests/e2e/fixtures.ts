// Every browser test runs through this `test`: it fails the test when the browser reports a
// problem on any page it visited (issue 13). Console errors, uncaught exceptions and
// Content-Security-Policy violations count, in every context the test opens (the default one
// and those opened with browser.newContext, one per person). Specs import `test` from here;
// ESLint refuses the plain one in a spec.
//
// The one console error a page may cause on purpose: "Failed to load resource" for the page
// itself or a Remix data request answered 4xx — a refusal the test asserts (404, 403, a form
// answered 400/422). A stylesheet, script, font or image that fails to load still counts, and
// so does any 5xx.
import { test as base, expect, type Browser, type BrowserContext, type ConsoleMessage } from "@playwright/test";

const watched = new WeakSet<BrowserContext>();

function designedRefusal(message: ConsoleMessage): boolean {
  const status = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(message.text())?.[1];
  if (!status || !status.startsWith("4")) return false;
  const { pathname } = new URL(message.location().url || "http://invalid/x.unknown");
  // Pages and data requests have no file extension, or Remix's ".data"; assets always have one.
  return pathname.endsWith(".data") || !/\.[a-z0-9]+$/i.test(pathname);
}

async function watch(context: BrowserContext, problems: string[]) {
  if (watched.has(context)) return;
  watched.add(context);
  context.on("console", (message) => {
    if (message.type() !== "error" || designedRefusal(message)) return;
    problems.push(`console error on ${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
  context.on("weberror", (error) => problems.push(`uncaught exception on ${error.page()?.url() ?? "?"}: ${error.error().message}`));
  // Chromium logs a blocked script or style to the console too; the event names the directive.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

export const test = base.extend<{ browserProblems: string[] }>({
  browserProblems: [
    async ({ browser }, run) => {
      const problems: string[] = [];
      // Contexts the test opens itself (one per person in the review tests).
      const newContext = browser.newContext.bind(browser);
      const patched: Browser["newContext"] = async (options) => {
        const context = await newContext(options);
        await watch(context, problems);
        return context;
      };
      browser.newContext = patched;
      try {
        await run(problems);
      } finally {
        browser.newContext = newContext;
      }
      expect(problems, "the browser reported no error, exception or CSP violation on any page").toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, browserProblems }, run) => {
    await watch(context, browserProblems);
    await run(context);
  },
});

export { expect };
