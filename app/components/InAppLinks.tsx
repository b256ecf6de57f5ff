// The plain links of a part of a page that has many (the calendar's month shows about 130; a
// table of requests, 25), kept as in-app navigations. A Remix <Link> costs the server a few
// microseconds to render (its hooks resolve the path more than once): a tenth of the month's
// page. One click handler on the container does for its plain <a> elements what <Link> does on a
// click; without JavaScript they are ordinary links, as <Link> is (decision 0029).
import { useNavigate } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";

export function InAppLinks({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const follow = (event: MouseEvent<HTMLDivElement>) => {
    // A new tab, a download or a modified click stays the browser's, as with <Link>; so does a <Link> inside, which handled it.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    const link = event.target instanceof Element ? event.target.closest("a") : null;
    if (!link || link.target || link.hasAttribute("download") || link.origin !== window.location.origin) return;
    event.preventDefault();
    navigate(link.pathname + link.search + link.hash);
  };
  return <div onClick={follow}>{children}</div>;
}
