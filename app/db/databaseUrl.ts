// DATABASE_URL chooses the database: `file:…` a SQLite file (the embedded default),
// `postgres://…` or `postgresql://…` a PostgreSQL server (production).

export function isSqliteUrl(url: string): boolean {
  return url.startsWith("file:");
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The SQLite file a `file:` URL names (relative paths from the working folder, as the driver reads them). */
export function sqliteFile(url: string): string {
  return url.slice("file:".length).split("?")[0];
}
