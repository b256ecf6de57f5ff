// E-mail settings. APP_URL, SMTP_URL and MAIL_DIR come from the portal's settings; the
// settings only the mailer reads (MAIL_FROM, MAIL_MAX_ATTEMPTS, MAIL_LEASE_SECONDS) are
// validated here, the same way, so a bad value stops the process with one line.
import { z } from "zod";
import { getSettings, SettingsError, type Settings } from "../app/settings.server";
import { PORTAL_NAME } from "./layout";
import { mailHost } from "./message-id";

export interface MailSettings {
  appUrl: string;
  smtpUrl: string | undefined;
  mailDir: string;
  from: string;
  /** Tries before a message is marked failed. */
  maxAttempts: number;
  /** How long a claim protects a message being sent; older claims are a crashed dispatcher's. */
  leaseMs: number;
}

type Env = Record<string, string | undefined>;

// `Name <address>` or a bare address; no line breaks, which would inject headers.
const fromAddress = z.string().regex(/^(?:[^<>\r\n]+<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/);
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

function read<T>(env: Env, name: string, expected: string, schema: z.ZodType<T, string>, fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const result = schema.safeParse(raw);
  if (!result.success) throw new SettingsError(name, expected, raw);
  return result.data;
}

export function loadMailSettings(env: Env = process.env, settings: Settings = getSettings()): MailSettings {
  return {
    appUrl: settings.appUrl,
    smtpUrl: settings.smtpUrl,
    mailDir: settings.mailDir,
    from: read(
      env,
      "MAIL_FROM",
      'an address such as "Portal <no-reply@example.gov>"',
      fromAddress,
      `"${PORTAL_NAME}" <no-reply@${mailHost(settings.appUrl)}>`,
    ),
    maxAttempts: read(env, "MAIL_MAX_ATTEMPTS", "a whole number 1-100", wholeNumber(1, 100), 8),
    leaseMs: read(env, "MAIL_LEASE_SECONDS", "a whole number of seconds 1-3600", wholeNumber(1, 3600), 300) * 1000,
  };
}
