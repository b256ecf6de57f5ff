import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import type { NavItem } from "~/navigation";
import { headers, loader } from "~/root.server";
import { useNonce } from "~/security/nonce";
import favicon from "~/favicon.svg";
import uswdsCss from "~/generated/uswds.css";
import portalCss from "~/styles/portal.css";
import sourceSansBold from "~/generated/fonts/sourcesanspro-bold-webfont.woff2";
import sourceSansRegular from "~/generated/fonts/sourcesanspro-regular-webfont.woff2";

export const PORTAL_NAME = "3-1-1 Number Use Portal";

const ZOD_JITLESS = "globalThis.__zod_globalConfig = { jitless: true };";

// Every href is a fingerprinted /build/ file (cached for a year). The two faces every page uses
// (body text; headings and the menu) are preloaded: the stylesheet would reveal them only once
// downloaded and parsed, and text shown in the fallback font meanwhile moves when they arrive.
export const links: LinksFunction = () => [
  { rel: "preload", href: sourceSansRegular, as: "font", type: "font/woff2", crossOrigin: "anonymous" },
  { rel: "preload", href: sourceSansBold, as: "font", type: "font/woff2", crossOrigin: "anonymous" },
  { rel: "stylesheet", href: uswdsCss },
  { rel: "stylesheet", href: portalCss },
  { rel: "icon", href: favicon, type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: PORTAL_NAME }];
  if (isRouteErrorResponse(error) && error.status === 404) return [{ title: `Page not found – ${PORTAL_NAME}` }];
  if (isRouteErrorResponse(error) && error.status === 403) return [{ title: `Not allowed – ${PORTAL_NAME}` }];
  return [{ title: `Error – ${PORTAL_NAME}` }];
};

export { headers, loader };

function Header({ userName, nav, account }: { userName: string | null; nav: NavItem[]; account: string }) {
  return (
    <header className="portal-header">
      <div className="grid-container portal-header__inner">
        <Link to="/" className="portal-header__title">
          {PORTAL_NAME}
        </Link>
        {userName ? (
          <>
            <nav aria-label="Primary">
              <ul className="portal-nav">
                <li>
                  <NavLink to="/" end>
                    Home
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/requests">Requests</NavLink>
                </li>
                {nav.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to}>{item.label}</NavLink>
                  </li>
                ))}
                <li>
                  <NavLink to={account}>Account</NavLink>
                </li>
                <li>
                  <NavLink to="/help">Help</NavLink>
                </li>
              </ul>
            </nav>
            <Form method="post" action="/sign-out" className="portal-user">
              <span className="portal-user__name">{userName}</span>
              <button type="submit" className="usa-button usa-button--outline usa-button--inverse">
                Sign out
              </button>
            </Form>
          </>
        ) : (
          <nav aria-label="Primary">
            <ul className="portal-nav">
              <li>
                <NavLink to="/help">Help</NavLink>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  // Every inline and module script carries this response's nonce (CSP script-src).
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/*
          Zod 4 probes `new Function` when a schema is made; our CSP forbids eval, so the
          probe would be reported as a violation. Zod reads this global before any module
          (inline scripts run before module scripts), so the browser never probes.
        */}
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
      </head>
      <body>
        <a className="usa-skipnav" href="#main-content">
          Skip to main content
        </a>
        <Header userName={data?.user?.name ?? null} nav={data?.user?.nav ?? []} account={data?.user?.account ?? "/account/password"} />
        <main id="main-content" tabIndex={-1}>
          <div className="grid-container padding-top-4">{children}</div>
        </main>
        <footer className="portal-footer">
          <div className="grid-container">
            <p>
              {PORTAL_NAME} · County Communications Department and the 3-1-1 Contact Center ·{" "}
              <Link to="/help">Help and who to ask</Link>
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <>
        <h1>Page not found</h1>
        <p className="usa-intro">There is no page at this address.</p>
        <p>
          Check the address, or go to the <Link to="/">home page</Link>.
        </p>
      </>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <>
        <h1>You cannot see this page</h1>
        <p className="usa-intro">Your account does not have access to this page.</p>
        <p>
          Go to the <Link to="/">home page</Link>.
        </p>
      </>
    );
  }
  if (isRouteErrorResponse(error)) {
    return (
      <>
        <h1>Something went wrong</h1>
        <p className="usa-intro">
          The portal could not complete your request (error {error.status}).
        </p>
        <p>
          Go to the <Link to="/">home page</Link> and try again.
        </p>
      </>
    );
  }
  // Unexpected errors: in production Remix replaces the message; never show a stack.
  return (
    <>
      <h1>Something went wrong</h1>
      <p className="usa-intro">The portal had a problem showing this page. Nothing you did caused it.</p>
      <p>
        Try again in a few minutes, or go to the <Link to="/">home page</Link>. If it keeps happening, tell
        the portal administrator.
      </p>
    </>
  );
}
