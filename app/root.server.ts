// The root route's server side (app/root.tsx): who is signed in and the menu they get, and the
// headers its error page passes on. In a server module of their own so that the root, which every
// page loads, reaches them through one import: in the browser build, Remix's classic compiler
// keeps the import of each server module a route imports (an empty chunk of its own) and of a
// module only its server exports use (routeHeaders: a 0-byte chunk), one more file each on every
// first visit (decision 0013, fifth pass).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/session.server";
import { navLinks } from "~/navigation";
import { getSettings } from "~/settings.server";

// The root's error page shows every thrown answer: its headers (a 405's Allow) go with it.
export { passOnHeaders as headers } from "~/http/routeHeaders";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  // LOCAL_SIGN_IN=off (issue 18): no password to change, so "Account" leads to two-step sign-in.
  const account = getSettings().localSignIn ? "/account/password" : "/account/mfa";
  return { user: user ? { name: user.name, nav: navLinks(user), account } : null };
}
