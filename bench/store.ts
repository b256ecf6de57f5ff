// The database a benchmark run measures, on either engine: the portal's client, a raw query for
// the bench's own reads, and the storage floor — the same writes a transition makes, with the
// engine's raw driver, one transaction an event (issue 17, section 4).
import type Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { connectDb, type PrismaClient } from "../app/db.server";
import { currentAuditKeyring } from "../app/requests/audit.server";
import { entryHash, requestSeal } from "../app/requests/auditHash.server";
import type { Engine } from "../app/db/engine";
import { sqliteTime } from "./util";

export interface BenchStore {
  engine: Engine;
  /** The DATABASE_URL the server is given. */
  url: string;
  /** How the table names the floor. */
  floorLabel: string;
  prisma: PrismaClient;
  /** Rows of a query written with $1, $2… and quoted names, which both engines read. */
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Events a second written the raw way. */
  rawRun(events: number, now: Date): Promise<number>;
  close(): Promise<void>;
}

interface FloorTarget {
  id: string;
  snapshot: string;
  version: number;
}

/** A state change moves the memos' data version (dataVersionMemo.server.ts), as the service's events do. */
const BUMP_DATA_VERSION = `UPDATE "DataVersion" SET version = version + 1 WHERE id = 1`;

const FLOOR_TARGET = `SELECT id, snapshot, version FROM "Request" WHERE state = 'approved' ORDER BY id LIMIT 1`;

/** What the floor's audit entry and head say: an EDIT by the bench on an approved request. */
function chainStep(target: FloorTarget, version: number, prev: string | null, count: number, now: Date) {
  const key = currentAuditKeyring().current;
  const entry = { requestId: target.id, actorId: null, actorName: "Bench", role: "director", acting: false, event: "EDIT", fromState: "approved", toState: "approved", comment: null, at: now };
  const hash = entryHash(key, entry, prev);
  const request = { id: target.id, state: "approved", version, snapshot: target.snapshot };
  return { keyId: key.id, hash, seal: requestSeal(key, request, hash, count + 1) };
}

/** The bench's SQLite file, with the better-sqlite3 connection it was seeded with. */
export function sqliteStore(url: string, prisma: PrismaClient, sqlite: Database.Database): BenchStore {
  return {
    engine: "sqlite",
    url,
    floorLabel: "raw better-sqlite3 floor",
    prisma,
    // better-sqlite3 has no $1: each becomes the named parameter @p1.
    all: async <T>(sql: string, params: unknown[] = []) =>
      sqlite.prepare(sql.replace(/\$(\d+)/g, "@p$1")).all(Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]))) as T[],
    rawRun: async (events, now) => {
      const target = sqlite.prepare(FLOOR_TARGET).get() as FloorTarget;
      const update = sqlite.prepare(`UPDATE "Request" SET snapshot = ?, version = version + 1, updatedAt = ? WHERE id = ? AND version = ?`);
      const head = sqlite.prepare(`SELECT auditHead, auditCount FROM "Request" WHERE id = ?`);
      const audit = sqlite.prepare(
        `INSERT INTO "AuditEntry" (requestId, actorId, actorName, role, acting, event, fromState, toState, comment, at, keyId, prevHash, hash) VALUES (?, NULL, 'Bench', 'director', 0, 'EDIT', 'approved', 'approved', NULL, ?, ?, ?, ?)`,
      );
      const moveHead = sqlite.prepare(`UPDATE "Request" SET auditHead = ?, auditCount = ?, auditSeal = ? WHERE id = ?`);
      const outbox = sqlite.prepare(
        `INSERT INTO "OutboxMessage" (id, requestId, template, recipients, data, status, attempts, nextAttemptAt, createdAt) VALUES (?, ?, 'bench', '[]', '{}', 'pending', 0, ?, ?)`,
      );
      const bump = sqlite.prepare(BUMP_DATA_VERSION);
      let version = target.version;
      const at = sqliteTime(now);
      const write = sqlite.transaction(() => {
        if (update.run(target.snapshot, at, target.id, version).changes !== 1) throw new Error("raw floor: version moved");
        version++;
        const { auditHead: prev, auditCount } = head.get(target.id) as { auditHead: string | null; auditCount: number };
        const step = chainStep(target, version, prev, auditCount, now);
        audit.run(target.id, at, step.keyId, prev, step.hash);
        moveHead.run(step.hash, auditCount + 1, step.seal, target.id);
        outbox.run(randomUUID(), target.id, at, at);
        bump.run();
      });
      const started = performance.now();
      for (let i = 0; i < events; i++) write();
      return events / ((performance.now() - started) / 1000);
    },
    close: async () => {},
  };
}

/**
 * A PostgreSQL database: the portal's client and one raw `pg` connection. The floor reads what
 * the event needs in the version-checked UPDATE itself (RETURNING), so it makes the fewest round
 * trips the writes allow: BEGIN, UPDATE … RETURNING, INSERT audit, UPDATE head, INSERT outbox, data version, COMMIT.
 */
export async function postgresStore(url: string): Promise<BenchStore> {
  const prisma = await connectDb(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    engine: "postgres",
    url,
    floorLabel: "raw pg floor",
    prisma,
    all: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    rawRun: async (events, now) => {
      const { rows } = await client.query<FloorTarget>(FLOOR_TARGET);
      const target = rows[0];
      let version = target.version;
      const at = now.toISOString();
      const started = performance.now();
      for (let i = 0; i < events; i++) {
        await client.query("BEGIN");
        const moved = await client.query<{ auditHead: string | null; auditCount: number }>(
          `UPDATE "Request" SET snapshot = $1, version = version + 1, "updatedAt" = $2 WHERE id = $3 AND version = $4 RETURNING "auditHead", "auditCount"`,
          [target.snapshot, at, target.id, version],
        );
        if (moved.rowCount !== 1) throw new Error("raw floor: version moved");
        version++;
        const { auditHead: prev, auditCount } = moved.rows[0];
        const step = chainStep(target, version, prev, auditCount, now);
        await client.query(
          `INSERT INTO "AuditEntry" ("requestId", "actorId", "actorName", role, acting, event, "fromState", "toState", comment, at, "keyId", "prevHash", hash) VALUES ($1, NULL, 'Bench', 'director', false, 'EDIT', 'approved', 'approved', NULL, $2, $3, $4, $5)`,
          [target.id, at, step.keyId, prev, step.hash],
        );
        await client.query(`UPDATE "Request" SET "auditHead" = $1, "auditCount" = $2, "auditSeal" = $3 WHERE id = $4`, [step.hash, auditCount + 1, step.seal, target.id]);
        await client.query(
          `INSERT INTO "OutboxMessage" (id, "requestId", template, recipients, data, status, attempts, "nextAttemptAt", "createdAt") VALUES ($1, $2, 'bench', '[]', '{}', 'pending', 0, $3, $3)`,
          [randomUUID(), target.id, at],
        );
        await client.query(BUMP_DATA_VERSION);
        await client.query("COMMIT");
      }
      return events / ((performance.now() - started) / 1000);
    },
    close: async () => {
      await prisma.$disconnect();
      await client.end();
    },
  };
}
