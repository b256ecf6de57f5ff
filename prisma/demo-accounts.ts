// Demo departments and accounts, seeded on first start. One source for the seed,
// the tests and the README. The password is for the demo only.
import type { Role } from "workflows";

export const DEMO_PASSWORD = "demo-portal-2026!";

export interface DemoDepartment {
  code: string;
  name: string;
  /** Local date the 311 partnership began; null = not a partner. */
  partnerSince: string | null;
}

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  { code: "COM", name: "Communications", partnerSince: "2015-07-01" },
  { code: "DPW", name: "Public Works", partnerSince: "2019-03-01" },
  { code: "LIB", name: "Libraries", partnerSince: null },
  { code: "HHS", name: "Health and Human Services", partnerSince: "2017-01-01" },
  { code: "FIN", name: "Finance", partnerSince: null },
];

export interface DemoAccount {
  email: string;
  name: string;
  departmentCode: string;
  role: Role;
  /**
   * TOTP secret (base32) for roles that must use MFA, so the demo accounts stay usable:
   * add it to an authenticator app by hand. Published in the README: demo only.
   */
  totpSecret?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "requester.partner@example.gov", name: "Pat Partner", departmentCode: "DPW", role: "requester" },
  { email: "requester.nonpartner@example.gov", name: "Noel Nonpartner", departmentCode: "LIB", role: "requester" },
  { email: "director@example.gov", name: "Dana Director", departmentCode: "COM", role: "director", totpSecret: "SZQ3DIUMRKVB6QE37LL6UV4TAF6Z4D6G" },
  { email: "assistant.director@example.gov", name: "Avery Assistant", departmentCode: "COM", role: "assistant_director", totpSecret: "DKMZGYSAD2KJE3WOZ32LOOX23XPVDO5N" },
  { email: "analyst@example.gov", name: "Ana Analyst", departmentCode: "COM", role: "analyst" },
  { email: "finance@example.gov", name: "Fin Finance", departmentCode: "FIN", role: "finance", totpSecret: "WRZU7F4TWOWACEFZI3QYOR6ZN7MM3HOV" },
  { email: "admin@example.gov", name: "Addy Admin", departmentCode: "COM", role: "admin", totpSecret: "GNI7CPCGTDVZ45NPT2NXMYK6QMAENQKV" },
];

/** The demo account each test persona signs in as: a requester of a partner and of a non-partner department, and one of each other role. */
export const DEMO_PERSONAS = {
  requester: "requester.partner@example.gov",
  otherRequester: "requester.nonpartner@example.gov",
  director: "director@example.gov",
  assistant: "assistant.director@example.gov",
  analyst: "analyst@example.gov",
  finance: "finance@example.gov",
  admin: "admin@example.gov",
} as const;
