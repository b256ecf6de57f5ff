// The portal's signed cookies: HttpOnly, SameSite=Lax, signed with SESSION_SECRET, and Secure
// with the __Host- prefix when APP_URL is https (locked to this host and path "/").
import { createCookie, type Cookie } from "@remix-run/node";
import type { Settings } from "../settings.server";

export function portalCookie(name: string, settings: Settings, maxAgeSeconds: number): Cookie {
  return createCookie(settings.secureCookies ? `__Host-${name}` : name, {
    httpOnly: true,
    sameSite: "lax",
    secure: settings.secureCookies,
    path: "/",
    secrets: [settings.sessionSecret],
    maxAge: maxAgeSeconds,
  });
}
