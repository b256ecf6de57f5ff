// "Sign in with <provider>" (issue 18): a link, not a form, so that leaving for the provider is
// an ordinary navigation. Starting a sign-in changes nothing in the portal: the state, nonce and
// PKCE verifier go into a short-lived cookie, checked when the browser comes back.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getProviderSignIn } from "~/auth/oidc/signIn.server";
import { safeRedirectTo } from "~/auth/redirectTarget";
import { getSettings } from "~/settings.server";

export const meta: MetaFunction = () => [{ title: "Sign in – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { oidc, appUrl } = getSettings();
  if (!oidc) throw new Response("Not found", { status: 404 });
  const redirectTo = safeRedirectTo(new URL(request.url).searchParams.get("redirectTo"), appUrl);
  try {
    const response = await getProviderSignIn().start(redirectTo);
    if (response) return response;
  } catch (error) {
    console.warn(`OIDC provider unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
  return data({ name: oidc.name }, { status: 502 });
}

/** Shown only when the provider could not be reached. */
export default function ProviderUnavailable() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Sign-in with {name} is not answering</h1>
      <p className="usa-intro" data-testid="sso-unavailable">
        The portal could not reach {name} to sign you in. Try again in a few minutes; if it goes on, tell your administrator.
      </p>
      <p>
        <Link to="/sign-in">Back to sign-in</Link>
      </p>
    </>
  );
}
