// GET /healthz: "ok" when the server answers. Reads nothing (no session, no database), so
// load balancers and uptime checks may call it freely; the benchmark uses it as the framework floor.
export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
