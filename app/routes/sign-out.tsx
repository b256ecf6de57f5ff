// Sign-out is a POST (the Sign out button): a GET (link, prefetch, image tag) must never sign
// anyone out. Opened as an address, it answers 405 with the portal's own page. A session begun at
// the county's provider is ended there too when the provider has an end-session endpoint.
import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { endSessionUrl } from "~/auth/oidc/provider.server";
import { destroySession } from "~/auth/session.server";
import { getSettings } from "~/settings.server";

export const meta: MetaFunction = () => [{ title: "Sign out – 3-1-1 Number Use Portal" }];

export async function loader() {
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") {
    throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  }
  const { setCookie, ended } = await destroySession(request);
  const { oidc, appUrl } = getSettings();
  if (oidc && ended?.method === "oidc") {
    // The portal's session is over whatever happens next; an unreachable provider only means
    // the person stays signed in there.
    const url = await endSessionUrl(oidc, appUrl, ended.idToken).catch(() => null);
    if (url) return redirect(url.href, { status: 303, headers: { "Set-Cookie": setCookie } });
  }
  return redirect("/sign-in", { status: 303, headers: { "Set-Cookie": setCookie } });
}

/** Never shown: the loader always refuses, and the action redirects. */
export default function SignOut() {
  return null;
}

export function ErrorBoundary() {
  return (
    <>
      <h1>Sign out with the button</h1>
      <p className="usa-intro" data-testid="sign-out-refused">
        To sign out, use the “Sign out” button at the top of any page. Opening this address does not sign you out.
      </p>
      <p>
        Go to the <Link to="/">home page</Link>.
      </p>
    </>
  );
}
