// The sign-in and two-step forms' schemas, checked in their routes' actions only. Kept out of
// the route modules so that those pages' browser bundles carry no zod (issue 20): a schema made
// at a route module's top level stays in its client bundle, with zod and its messages.
import * as z from "~/forms/zod";

// Lengths are generous bounds, not rules: the password rules apply when one is chosen.
export const signInSchema = z.object({
  email: z
    .string()
    .check(z.trim(), z.minLength(1, "Enter your e-mail address"), z.maxLength(254, "The e-mail address or password is not right")),
  password: z
    .string()
    .check(z.minLength(1, "Enter your password"), z.maxLength(1024, "The e-mail address or password is not right")),
  // Any text up to a sane length: safeRedirectTo keeps only a path on the portal (or "/").
  redirectTo: z.optional(z.string().check(z.maxLength(2000))),
});

/** The code at sign-in: from the app, or a recovery code. */
export const signInCodeSchema = z.object({
  code: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Enter the 6-digit code from your app, or a recovery code"),
      z.maxLength(32, "That code is not right"),
    ),
});

/** The first code from the app, when two-step sign-in is set up at sign-in. */
export const enrolCodeSchema = z.object({
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/, "Enter the 6-digit code your app shows")),
});

/** The first code from the app, when two-step sign-in is turned on from the account page. */
export const accountCodeSchema = z.object({
  code: z.string().check(z.trim(), z.minLength(1, "Enter the 6-digit code your app shows"), z.maxLength(32, "That code is not right")),
});
