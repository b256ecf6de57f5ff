// Issue 15, item 4: a NUL in the search box reached SQLite's full-text query parser, which
// refused it, and the page answered 500. Text a search cannot hold is now the list page's own
// 400, with the reason beside the search box; anything else typed is searched for as itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import * as requests from "../../app/routes/requests._index";
import { resetSettings } from "../../app/settings.server";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT } from "../support/people";
import { cookieFor, get, run, statusOf, useTestDatabase } from "../support/routes";
import { createTestDb, type TestDb } from "../support/testDb";

let t: TestDb;
let cookie = "";

beforeAll(async () => {
  t = await createTestDb("search-input");
  await seedDatabase(t.db, { scryptParams: FAST_SCRYPT, demoRequests: { now: new Date(), timeZone: "America/New_York" } });
  useTestDatabase(t.url);
  cookie = await cookieFor(t.db, "director@example.gov");
});

afterAll(async () => {
  await getDb().$disconnect();
  await t.cleanup();
  resetSettings();
});

const search = (q: string) => run(requests.loader as never, get(`/requests?${new URLSearchParams({ q })}`, cookie));
type Page = { rowCount: number; filters: { searchError?: string } };
const dataOf = (result: unknown) => (result as { data: Page }).data;

describe("the request list's search box", () => {
  it.each(["leaf\u0000postcard", "\u0000", "leaf\u0001", "tab\tinside", "new\nline", "bell\u0007"])("answers %j with the page's 400 and a reason", async (q) => {
    const result = await search(q);
    expect(statusOf(result)).toBe(400);
    expect(dataOf(result)).toMatchObject({
      rowCount: 0,
      filters: { searchError: "Remove the control characters (such as tabs or line breaks) from the search" },
    });
  });

  it.each(['"leaf', "leaf*", "NEAR(leaf postcard)", "leaf OR snow", "^leaf", "a:b", "ｌｅａｆ", "🍂 leaf", "%_\\"])("searches for %j as itself", async (q) => {
    const result = await search(q);
    expect(statusOf(result)).toBe(200);
    expect(dataOf(result).filters.searchError).toBeUndefined();
  });
});
