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
import { runsAsCommand } from "./runsAsCommand";

const USAGE = 'Usage: npm run admin:create -- --email someone@county.gov [--name "Full Name"]';

/** The administrator the arguments name, or the one line that says what is wrong with them. */
export function adminArguments(argv: string[]): { email: string; name: string } | { problem: string } {
  let args: { email?: string; name?: string };
  try {
    ({ values: args } = parseArgs({ args: argv, options: { email: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch {
    return { problem: USAGE };
  }
  if (!args.email) return { problem: USAGE };
  const email = z.email().safeParse(args.email.trim().toLowerCase());
  if (!email.success) return { problem: `"${args.email}" is not an e-mail address. ${USAGE}` };
  return { email: email.data, name: (args.name ?? email.data.split("@")[0]).trim().slice(0, 120) };
}

async function main() {
  const wanted = adminArguments(process.argv.slice(2));
  if ("problem" in wanted) {
    console.error(wanted.problem);
    process.exit(1);
  }
  const { email, name } = wanted;
  await withDatabase(async (db, settings) => {
    keepFilesPrivate({ varDir: path.resolve("var"), databaseUrl: settings.databaseUrl, mailDir: path.resolve(settings.mailDir) });
    const result = await inviteUser(db, {
      by: { id: null, name: "npm run admin:create" },
      values: { email, name, departmentId: null, roles: ["admin"] },
      now: new Date(),
      appUrl: settings.appUrl,
      sessionSecret: settings.sessionSecret,
      event: "ADMIN_CREATED",
    });
    if (!result.ok) {
      console.error(`${email} already has an account; manage it on the Users page.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Administrator ${name} <${email}> created. The set-up link (one use, 7 days) is e-mailed to them; it is also:`);
    console.log(result.link);
  });
}

if (runsAsCommand(import.meta.url)) await main();
