// What the sign-in page can say about why someone is there: they just chose a password from an
// invitation (with their e-mail address to fill in), or they followed a link to a request,
// which it names by reference ("Sign in to see 311-2026-0007"). Only the reference: nothing
// about the request itself is shown before sign-in.
import * as z from "~/forms/zod";
import type { PrismaClient } from "~/generated/prisma/client";

const email = z.string().check(z.trim(), z.maxLength(254), z.email());

export interface SignInContext {
  invited: boolean;
  email: string;
  reference: string | null;
}

export async function signInContext(db: PrismaClient, params: URLSearchParams, redirectTo: string): Promise<SignInContext> {
  const given = email.safeParse(params.get("email") ?? "");
  const id = /^\/requests\/([A-Za-z0-9-]{1,64})(?:[/?#]|$)/.exec(redirectTo)?.[1];
  const request = id ? await db.request.findUnique({ where: { id }, select: { reference: true } }) : null;
  return { invited: params.get("invited") === "1", email: given.success ? given.data : "", reference: request?.reference ?? null };
}
