// The request list's pages (issue 8): keyset pages read from a cursor, never counted off, so a
// deep page costs what the first does; search through the trigram index or, for a word in many
// requests, the ordered scan, with the same answers; titles, references and descriptions
// (issue 13). Real SQLite file. R1 and R18 hold on every page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../app/db.server";
import { columnsOf } from "../../app/requests/answers";
import { createDraft } from "../../app/requests/drafts.server";
import { cursorParam } from "../../app/requests/listCursor";
import { filtersFrom, listPageSql, listRequests, PAGE_SIZE, type RequestListPage } from "../../app/requests/queries.server";
import { engineOf } from "../../app/db/engine";
import { bumpDataVersion } from "../../app/dataVersionMemo.server";
import type { CurrentUser } from "../../app/auth/session.server";
import { rebuildSearchIndex, searchCondition } from "../../app/requests/search.server";
import { Prisma } from "../../app/generated/prisma/client";
import { seedDatabase } from "../../prisma/seed";
import { FAST_SCRYPT, personAt } from "../support/people";
import { orderedPlan, watchedQueries } from "../support/queryPlans";
import { createTestDb, type TestDb } from "../support/testDb";

const TOTAL = 2 * PAGE_SIZE + 10;
let t: TestDb;
let db: PrismaClient;
let director: CurrentUser;
let sameDepartment: CurrentUser;
let otherDepartment: CurrentUser;
let financeOfficer: CurrentUser;
/** Ids in the list's order: newest change first, then id descending among equal times. */
let expected: string[] = [];

beforeAll(async () => {
  t = await createTestDb("request-list");
  db = t.db;
  await seedDatabase(db, { scryptParams: FAST_SCRYPT });
  const now = new Date();
  const requester = await personAt(db, "requester.partner@example.gov", now);
  director = await personAt(db, "director@example.gov", now);
  sameDepartment = requester;
  otherDepartment = await personAt(db, "requester.nonpartner@example.gov", now);
  financeOfficer = await personAt(db, "finance@example.gov", now);
  for (let i = 0; i < TOTAL; i++) {
    const title = `Keyset ${String(i).padStart(2, "0")}${i === 7 ? " 100%_done" : ""}`;
    await createDraft(db, {
      user: requester,
      columns: columnsOf({ type: "materials", title, description: "d", effectiveDate: "2099-01-10", endDate: "2099-01-10" }),
      now,
      timeZone: "America/New_York",
    });
  }
  // Many rows share one instant, as a batch of changes may: the id alone must order them.
  // Each is marked submitted, as COM sees only submitted requests (R18); the list reads no snapshot.
  const drafts = await db.request.findMany({ where: { title: { startsWith: "Keyset" } }, select: { id: true }, orderBy: { id: "asc" } });
  for (const [i, d] of drafts.entries()) {
    await db.request.update({
      where: { id: d.id },
      data: { updatedAt: new Date(Date.UTC(2026, 10, 1 + (i % 3))), state: "screening", firstSubmittedOn: "2026-11-01" },
    });
  }
  const ordered = await db.request.findMany({
    where: { title: { startsWith: "Keyset" } },
    select: { id: true },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
  });
  expected = ordered.map((r) => r.id);
});

afterAll(async () => {
  await t.cleanup();
});

const list = (user: CurrentUser, query: string) => listRequests(db, user, filtersFrom(new URLSearchParams(query)));

describe("request list pages (issue 8)", () => {
  it("walks every row once, in order, forwards by cursor and back again, with ties on the change time", async () => {
    const pages: RequestListPage[] = [await list(director, "q=Keyset")];
    while (pages[pages.length - 1].next && pages.length < 10) {
      const last = pages[pages.length - 1];
      pages.push(await list(director, `q=Keyset&page=${last.page + 1}&after=${encodeURIComponent(cursorParam(last.next!))}`));
    }
    expect(pages.map((p) => p.rows.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 10]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected);
    expect(pages[0].previous).toBeNull();
    expect(pages[2].next).toBeNull();

    const back = await list(director, `q=Keyset&page=2&before=${encodeURIComponent(cursorParam(pages[2].previous!))}`);
    expect(back.rows.map((r) => r.id)).toEqual(pages[1].rows.map((r) => r.id));
    const first = await list(director, `q=Keyset&page=1&before=${encodeURIComponent(cursorParam(back.previous!))}`);
    expect(first.rows.map((r) => r.id)).toEqual(pages[0].rows.map((r) => r.id));
    expect(first.previous).toBeNull();
    expect(first.next).not.toBeNull();
  });

  it("R1, R18: their department's requester and Finance find them (submitted); another department's requester sees none on any page", async () => {
    expect((await list(sameDepartment, "q=Keyset")).rows.map((r) => r.id)).toEqual(expected.slice(0, PAGE_SIZE));
    expect((await list(financeOfficer, "q=Keyset")).rows.map((r) => r.id)).toEqual(expected.slice(0, PAGE_SIZE));
    expect((await list(otherDepartment, "q=Keyset")).rows).toEqual([]);
    const deep = await list(otherDepartment, `q=Keyset&page=2&after=${encodeURIComponent(cursorParam({ at: "2099-01-01T00:00:00.000+00:00", id: "z" }))}`);
    expect(deep.rows).toEqual([]);
  });

  it("searches for % and _ as themselves, and ignores a cursor it cannot read", async () => {
    const percent = await list(director, "q=100%_");
    expect(percent.rows.map((r) => r.title)).toEqual(["Keyset 07 100%_done"]);
    expect((await list(director, "q=Keyset_0")).rows).toEqual([]);
    const garbled = await list(director, "q=Keyset&page=9&after=not-a-cursor");
    expect(garbled.page).toBe(1);
    expect(garbled.rows.map((r) => r.id)).toEqual(expected.slice(0, PAGE_SIZE));
  });

  it("searches in any case and under three characters, and follows a changed title", async () => {
    const titles = async (query: string) => (await list(director, query)).rows.map((r) => r.title).sort();
    expect(await titles("q=kEYSET 0")).toEqual(["Keyset 00", "Keyset 01", "Keyset 02", "Keyset 03", "Keyset 04", "Keyset 05", "Keyset 06", "Keyset 07 100%_done", "Keyset 08", "Keyset 09"]);
    expect(await titles("q=%_")).toEqual(["Keyset 07 100%_done"]);
    const target = expected[3];
    const { title } = await db.request.findUniqueOrThrow({ where: { id: target }, select: { title: true } });
    await db.request.update({ where: { id: target }, data: { title: "Renamed mailer" } });
    expect((await list(director, "q=renamed MAIL")).rows.map((r) => r.id)).toEqual([target]);
    expect((await list(director, "q=Keyset")).rows.map((r) => r.id)).not.toContain(target);
    await db.request.update({ where: { id: target }, data: { title } });
    expect((await list(director, `q=${encodeURIComponent(title)}`)).rows.map((r) => r.id)).toEqual([target]);
  });

  it("finds words in descriptions too, through the index and under three characters, and follows a changed description", async () => {
    const target = expected[5];
    const { description } = await db.request.findUniqueOrThrow({ where: { id: target }, select: { description: true } });
    await db.request.update({ where: { id: target }, data: { description: "Postcards to Wheaton households about bulk trash." } });
    expect((await list(director, "q=heaton HOUSE")).rows.map((r) => r.id)).toEqual([target]);
    expect((await list(director, "q=Wh")).rows.map((r) => r.id)).toEqual([target]);
    expect((await list(otherDepartment, "q=Wheaton")).rows).toEqual([]);
    await db.request.update({ where: { id: target }, data: { description } });
    expect((await list(director, "q=Wheaton")).rows).toEqual([]);
  });

  it("finds a word in many requests (more than the index path sorts) through the ordered scan, page by page, as the index would", async () => {
    // More matches than the index path sorts: copies of one draft, made in SQL (the triggers index them).
    await db.$executeRaw`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
      INSERT INTO "Request" (id, reference, type, title, description, details, "departmentId", "submitterId", state,
                             "machineVersion", snapshot, version, "reachedFeeAssessment", "firstSubmittedOn", "createdAt", "updatedAt")
      SELECT 'dense-' || (1000 + i), 'DENSE-' || i, type, 'Dense mailer ' || i, 'Leaflet drop ' || i, details, "departmentId",
             "submitterId", state, "machineVersion", snapshot, 0, false, "firstSubmittedOn", "createdAt", "updatedAt"
      FROM "Request", n WHERE id = ${expected[0]}`;
    const first = await list(director, "q=dense MAILER");
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows.every((r) => r.title.startsWith("Dense mailer"))).toBe(true);
    const second = await list(director, `q=dense MAILER&page=2&after=${encodeURIComponent(cursorParam(first.next!))}`);
    expect(second.rows.map((r) => r.id)).toEqual(
      (await db.request.findMany({ where: { title: { startsWith: "Dense" } }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], skip: PAGE_SIZE, take: PAGE_SIZE, select: { id: true } })).map((r) => r.id),
    );
    expect((await list(otherDepartment, "q=Dense mailer")).rows).toEqual([]);
    // A word in many descriptions goes the same way (the ordered scan reads descriptions too).
    const described = await list(director, "q=LEAFLET drop");
    expect(described.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });

  it("finds the same after a VACUUM and the index rebuild each start does (a VACUUM may renumber rowids)", async () => {
    await db.$executeRawUnsafe("VACUUM");
    await rebuildSearchIndex(db);
    expect((await list(director, "q=100%_")).rows.map((r) => r.title)).toEqual(["Keyset 07 100%_done"]);
    expect((await list(director, "q=Keyset 0")).rows).toHaveLength(10);
  });

  it("reads a page filtered by status from the status's index in the list's order, without sorting, first page and after a cursor (issue 17: the filtered list at 100 000 requests)", async () => {
    const cursor = cursorParam({ at: new Date(Date.UTC(2026, 10, 2)).toISOString(), id: expected[5] });
    for (const query of ["state=screening&type=materials", `state=screening&type=materials&after=${cursor}`]) {
      // On PostgreSQL the change-time index gives the order too, and is chosen on a few rows once the table is analysed.
      const { plan, sorts } = await orderedPlan(db, await listPageSql(db, director, filtersFrom(new URLSearchParams(query))), { without: ["Request_updatedAt_id_idx"] });
      expect(plan).toContain("Request_state_updatedAt_id_idx");
      expect(sorts).toBe(false);
    }
  });

  it("reads a search alone, for someone who sees everything, in the list's order without sorting, from the index holding the searched columns (issue 17; on PostgreSQL an index-only scan for the page's ids)", async () => {
    // On PostgreSQL the change-time index gives the order too, and is as good on a few rows: out of the way, the plan
    // shows that the page's ids can come from the search index alone. It reads an index alone only where it knows the
    // table's pages are all visible, as autovacuum leaves them.
    const planOf = async (query: string, user = director) =>
      orderedPlan(db, await listPageSql(db, user, filtersFrom(new URLSearchParams(query))), { without: engineOf(db) === "postgres" ? ["Request_updatedAt_id_idx"] : [] });
    const cursor = cursorParam({ at: new Date(Date.UTC(2026, 10, 2)).toISOString(), id: expected[5] });
    if (engineOf(db) === "postgres") await db.$executeRawUnsafe(`VACUUM ANALYZE "Request"`);
    for (const query of ["q=ke", `q=ke&after=${cursor}`, "q=dense MAILER"]) {
      const { plan, sorts } = await planOf(query);
      expect(sorts).toBe(false);
      expect(plan).toContain(engineOf(db) === "sqlite" ? "Request_search_scan_idx" : `Index Only Scan Backward using "Request_search_scan_idx"`);
    }
    // Another filter, or a department's view, reads an index of its own.
    expect((await planOf("q=ke&state=screening")).plan).not.toContain("Request_search_scan_idx");
    expect((await planOf("q=ke", otherDepartment)).plan).not.toContain("Request_search_scan_idx");
    // A rare word goes through SQLite's trigram index, as before. PostgreSQL's planner chooses from the column's
    // statistics, which a plan with sorting turned off (as here) cannot show; the next test looks at its trigram index.
    if (engineOf(db) === "sqlite") expect((await planOf("q=Keyset 07")).plan).not.toContain("Request_search_scan_idx");
    expect((await list(director, "q=dense MAILER")).rows.every((r) => r.title.startsWith("Dense mailer"))).toBe(true);
  });

  it("looks a rare word up in a trigram index: SQLite's FTS5 table; on PostgreSQL, the one index on the lowercased search column (decision 0033)", async () => {
    const { where } = await searchCondition(db, "KEYSET 07");
    const { plan } = await orderedPlan(db, Prisma.sql`SELECT r.id FROM "Request" r WHERE ${where}`);
    expect(plan).toContain(engineOf(db) === "sqlite" ? "RequestSearch" : "Request_searchText_trgm_idx");
    // The column follows an edit of the title: PostgreSQL writes it with the row.
    const [{ id }] = (await list(director, "q=Keyset 07")).rows;
    const before = await db.request.findUniqueOrThrow({ where: { id }, select: { title: true, updatedAt: true } });
    await db.request.update({ where: { id }, data: { title: "Renamed Zanzibar mailer" } });
    try {
      expect((await list(director, "q=zanzibar")).rows.map((r) => r.id)).toEqual([id]);
      expect((await list(director, "q=Keyset 07")).rows).toEqual([]);
    } finally {
      // The later tests read this row as it was.
      await db.request.update({ where: { id }, data: before });
    }
  });

  it("counts a searched word's matches once per data version on SQLite, where the count chooses the index or the ordered scan", async () => {
    const { db: watched, sent } = watchedQueries(db);
    const counted = () => sent.filter((sql) => sql.includes("count(*) AS found"));
    const search = () => listRequests(watched, director, filtersFrom(new URLSearchParams("q=Keyset")));
    const first = await search();
    expect((await search()).rows).toEqual(first.rows);
    const sqlite = engineOf(db) === "sqlite";
    expect(counted()).toHaveLength(sqlite ? 1 : 0);
    await db.$transaction((tx) => bumpDataVersion(tx));
    expect((await search()).rows).toEqual(first.rows);
    expect(counted()).toHaveLength(sqlite ? 2 : 0);
  });
});
