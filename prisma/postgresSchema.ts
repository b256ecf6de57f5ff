// One source of truth for the models: prisma/schema.prisma (SQLite). PostgreSQL's schema is
// derived from it (Prisma 6 takes one provider per schema): the same models, another provider
// and its own generated client. `npm run db:schema` writes it; `-- --check` (run by `npm test`)
// fails when the checked-in copy is out of step.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runsAsCommand } from "../scripts/runsAsCommand";

const prismaDir = path.dirname(fileURLToPath(import.meta.url));
export const SQLITE_SCHEMA = path.join(prismaDir, "schema.prisma");
export const POSTGRES_SCHEMA = path.join(prismaDir, "postgresql", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:schema\`: edit that file, not this one.
// PostgreSQL's copy of the portal's models, with its own client (app/generated/prisma-postgres).

`;

/** The PostgreSQL schema for a SQLite schema's text. */
export function postgresSchema(sqlite: string): string {
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma no longer has ${from}; update prisma/postgresSchema.ts`);
    return text.replace(from, to);
  };
  let schema = replace(sqlite, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  schema = replace(schema, /output\s*=\s*"\.\.\/app\/generated\/prisma"/, 'output     = "../../app/generated/prisma-postgres"');
  // The driver adapter connects, from DATABASE_URL; Prisma 6 still reads a url here, and a
  // SQLite DATABASE_URL would not pass as PostgreSQL's, so this one is a fixed placeholder.
  schema = replace(schema, /url\s*=\s*env\("DATABASE_URL"\)/, 'url      = "postgresql://localhost/the-driver-adapter-connects"');
  return HEADER + schema;
}

if (runsAsCommand(import.meta.url)) {
  const wanted = postgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "";
    if (current !== wanted) {
      console.error("prisma/postgresql/schema.prisma is out of step with prisma/schema.prisma: run `npm run db:schema`.");
      process.exit(1);
    }
  } else {
    fs.writeFileSync(POSTGRES_SCHEMA, wanted);
    console.log(`Wrote ${path.relative(process.cwd(), POSTGRES_SCHEMA)}`);
  }
}
