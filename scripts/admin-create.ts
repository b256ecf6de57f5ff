// `npm run admin:create -- --email someone@county.gov [--name "Full Name"]`: the first
// administrator of a production database, which gets no demo accounts (issue 15, item 6); also
// another administrator later. The account has no usable password until the person opens the
// one-time set-up link, printed here and queued by e-mail; the role then needs two-step
// sign-in, set up at the first sign-in.
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { inviteUser } from "../app/admin/users.server";
import { keepFilesPrivate } from "../app/privateFiles.server";
import { withDatabase } from "./withDatabase";

const USAGE = 'Usage: npm run admin:create -- --email someone@county.gov [--name "Full Name"]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args: { email?: string; name?: string };
try {
  ({ values: args } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true }));
} catch {
  fail(USAGE);
}
if (!args.email) fail(USAGE);
const email = z.email().safeParse(args.email.trim().toLowerCase());
if (!email.success) fail(`"${args.email}" is not an e-mail address. ${USAGE}`);
const name = (args.name ?? email.data.split("@")[0]).trim().slice(0, 120);

await withDatabase(async (db, settings) => {
  keepFilesPrivate({ varDir: path.resolve("var"), databaseUrl: settings.databaseUrl, mailDir: path.resolve(settings.mailDir) });
  const result = await inviteUser(db, {
    by: { id: null, name: "npm run admin:create" },
    values: { email: email.data, name, departmentId: null, roles: ["admin"] },
    now: new Date(),
    appUrl: settings.appUrl,
    sessionSecret: settings.sessionSecret,
    event: "ADMIN_CREATED",
  });
  if (!result.ok) {
    console.error(`${email.data} already has an account; manage it on the Users page.`);
    process.exitCode = 1;
    return;
  }
  console.log(`Administrator ${name} <${email.data}> created. The set-up link (one use, 7 days) is e-mailed to them; it is also:`);
  console.log(result.link);
});
