import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroySession } from "~/auth/session.server";

// POST only: a GET (link, prefetch, image tag) must never sign anyone out.
export async function loader() {
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") {
    throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  }
  const setCookie = await destroySession(request);
  return redirect("/sign-in", { status: 303, headers: { "Set-Cookie": setCookie } });
}
