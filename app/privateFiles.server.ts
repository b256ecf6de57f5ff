// The files the portal writes hold secrets: the SQLite database (TOTP secrets, sessions,
// everyone's requests), var/session-secret, var/audit-key and the .eml outbox (invitation
// links). They are the portal's user's alone (issue 15, item 5): var/ and the mail folder 0700,
// the database and SQLite's -wal and -shm files 0600. The umask makes whatever the process
// writes later private too (SQLite creates its WAL files when it opens the database).
import fs from "node:fs";
import path from "node:path";
import { isSqliteUrl, sqliteFile as sqliteFileOf } from "./db/databaseUrl";

function chmodIfThere(file: string, mode: number): void {
  try {
    fs.chmodSync(file, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** The SQLite file a `file:` URL names, resolved from the current folder. */
export function sqliteFile(databaseUrl: string): string | null {
  return isSqliteUrl(databaseUrl) ? path.resolve(sqliteFileOf(databaseUrl)) : null;
}

export function keepFilesPrivate(paths: { varDir: string; databaseUrl: string; mailDir: string }): void {
  process.umask(0o077);
  for (const dir of [paths.varDir, paths.mailDir]) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o700);
  }
  const database = sqliteFile(paths.databaseUrl);
  if (database) for (const suffix of ["", "-wal", "-shm"]) chmodIfThere(database + suffix, 0o600);
}
