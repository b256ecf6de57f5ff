// Issue 19's data for the bench: queue codes tied to analysed requests and the calls that came on
// them, as an interval export imported by the analyst would have stored them, so the accuracy
// page and the request pages compare real rows. Written with raw better-sqlite3 statements in
// the seeder's transactions.
//
// What is realistic here: imports began IMPORT_DAYS ago (the feature is new), so only requests
// in effect since then can have calls; the analyst ties most, not all, of them to a queue code of
// their own (a campaign's topic code, as Cisco CSQs or Genesys queues are named); the phone
// system reports every half-hour of the Center's open hours (08:00–17:00) of each forecast day.
// At 100 000 requests that is about 1 000 requests and 350 000 interval rows.
import type Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { sqliteTime } from "./util";

export const IMPORT_DAYS = 120;
/** Of the analysed requests in effect since imports began, the share tied to a queue code. */
export const QUEUE_SHARE = 0.5;

/** Half-hours from 08:00 to 16:30 and the share of a day's calls in each: a late-morning peak. */
const WEIGHTS = [2, 4, 6, 8, 8, 7, 6, 7, 8, 8, 7, 6, 5, 4, 3, 3, 2, 1];
const INTERVALS = WEIGHTS.map((_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`);
const WEIGHT_SUM = WEIGHTS.reduce((s, w) => s + w, 0);

export interface ActualCallsSummary {
  queues: number;
  rows: number;
}

export interface ActualCallsWriter {
  /**
   * Ties the request to a queue code and stores its calls on each forecast day before `today`.
   * `rand` decides the request's miss: actual calls 0.55–1.65 × the forecast, ±15 % a day.
   */
  tie(rand: () => number, request: { id: string; reference: string; createdAt: string }, days: Array<{ date: string; calls: number }>, today: string): void;
  /** The import's row count, once every row is written. */
  finish(): ActualCallsSummary;
}

/** A Cisco source with its mapping, and the one import the rows name. */
export function actualCallsWriter(sqlite: Database.Database, userId: string, now: Date): ActualCallsWriter {
  const at = sqliteTime(now);
  const sourceId = randomUUID();
  const importId = randomUUID();
  const mapping = { date: "Interval Start Time", queue: "CSQ Name", offered: "Calls Presented", answered: "Calls Handled", abandoned: "Calls Abandoned", handleTime: "Avg Handle Time" };
  sqlite
    .prepare(`INSERT INTO "CallSource" (id, name, system, mapping, createdAt, updatedAt) VALUES (?, 'Contact Center (Cisco UCCX)', 'cisco', ?, ?, ?)`)
    .run(sourceId, JSON.stringify(mapping), at, at);
  sqlite
    .prepare(`INSERT INTO "CallImport" (id, sourceId, fileName, sha256, rows, importedById, createdAt) VALUES (?, ?, 'csq-intervals.csv', ?, 0, ?, ?)`)
    .run(importId, sourceId, randomUUID().replace(/-/g, ""), userId, at);
  const queue = sqlite.prepare(`INSERT INTO "RequestQueue" (requestId, queue, createdAt) VALUES (?, ?, ?)`);
  const calls = sqlite.prepare(
    `INSERT INTO "ActualCalls" (sourceId, date, interval, queue, offered, answered, abandoned, handleSeconds, importId, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const summary: ActualCallsSummary = { queues: 0, rows: 0 };
  return {
    tie(rand, request, days, today) {
      const code = `CSQ_${request.reference.replace(/-/g, "_")}`;
      queue.run(request.id, code, request.createdAt);
      summary.queues++;
      const miss = 0.55 + rand() * 1.1;
      for (const day of days) {
        if (day.date >= today) break;
        const total = day.calls * miss * (0.85 + rand() * 0.3);
        for (const [i, interval] of INTERVALS.entries()) {
          const offered = Math.round((total * WEIGHTS[i]) / WEIGHT_SUM);
          const abandoned = Math.round(offered * 0.05);
          // Line 1 is the export's header.
          calls.run(sourceId, day.date, interval, code, offered, offered - abandoned, abandoned, 270 + Math.floor(rand() * 60), importId, summary.rows + 2);
          summary.rows++;
        }
      }
    },
    finish() {
      sqlite.prepare(`UPDATE "CallImport" SET rows = ? WHERE id = ?`).run(summary.rows, importId);
      return summary;
    },
  };
}
