// Where the provider sends the browser back (the redirect URI, issue 18). Every refusal shows
// the portal's own page: a sign-in that did not complete (state, code or ID token not right, or
// too slow), a person with no account ("ask your administrator for access"), a deactivated one.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getProviderSignIn, type ProviderRefusal } from "~/auth/oidc/signIn.server";
import { getSettings } from "~/settings.server";

export const meta: MetaFunction = () => [{ title: "Sign-in – 3-1-1 Number Use Portal" }];

const STATUS: Record<ProviderRefusal, number> = { failed: 400, unavailable: 502, unknown: 403, inactive: 403, linkedElsewhere: 403 };

export async function loader({ request }: LoaderFunctionArgs) {
  const { oidc } = getSettings();
  if (!oidc) throw new Response("Not found", { status: 404 });
  const outcome = await getProviderSignIn().callback(request);
  if (outcome.kind === "signedIn") return outcome.response;
  return data(
    { reason: outcome.reason, name: oidc.name },
    { status: STATUS[outcome.reason], headers: { "Set-Cookie": outcome.setCookie } },
  );
}

function Explanation({ reason, name }: { reason: ProviderRefusal; name: string }) {
  switch (reason) {
    case "unknown":
      return (
        <>
          <h1>Ask your administrator for access</h1>
          <p className="usa-intro">
            You signed in with {name}, but the portal has no account for you. An administrator of the portal gives access: ask
            them to invite you with your county e-mail address, then sign in with {name} again.
          </p>
        </>
      );
    case "inactive":
      return (
        <>
          <h1>Your account is deactivated</h1>
          <p className="usa-intro">Your portal account is no longer active. If you still need the portal, ask your administrator.</p>
        </>
      );
    case "linkedElsewhere":
      return (
        <>
          <h1>Ask your administrator for access</h1>
          <p className="usa-intro">
            The portal account with your e-mail address is linked to a different {name} sign-in. Ask your administrator to check
            it.
          </p>
        </>
      );
    case "unavailable":
      return (
        <>
          <h1>Sign-in with {name} is not answering</h1>
          <p className="usa-intro">The portal could not reach {name} to finish signing you in. Try again in a few minutes.</p>
        </>
      );
    case "failed":
      return (
        <>
          <h1>Sign-in did not complete</h1>
          <p className="usa-intro">
            The answer from {name} could not be checked, or the sign-in took more than ten minutes. You are not signed in. Start
            again from the sign-in page.
          </p>
        </>
      );
  }
}

export default function ProviderCallback() {
  const { reason, name } = useLoaderData<typeof loader>();
  return (
    <div data-testid="sso-refused" data-reason={reason}>
      <Explanation reason={reason} name={name} />
      <p>
        <Link to="/sign-in">Back to sign-in</Link>
      </p>
    </div>
  );
}
