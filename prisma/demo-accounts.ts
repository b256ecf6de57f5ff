// Demo departments and accounts, seeded on first start. One source for the seed,
// the tests and the README. The password is for the demo only.
import type { Role } from "../workflows/types";

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
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "requester.partner@example.gov", name: "Pat Partner", departmentCode: "DPW", role: "requester" },
  { email: "requester.nonpartner@example.gov", name: "Noel Nonpartner", departmentCode: "LIB", role: "requester" },
  { email: "director@example.gov", name: "Dana Director", departmentCode: "COM", role: "director" },
  { email: "assistant.director@example.gov", name: "Avery Assistant", departmentCode: "COM", role: "assistant_director" },
  { email: "analyst@example.gov", name: "Ana Analyst", departmentCode: "COM", role: "analyst" },
  { email: "finance@example.gov", name: "Fin Finance", departmentCode: "FIN", role: "finance" },
  { email: "admin@example.gov", name: "Addy Admin", departmentCode: "COM", role: "admin" },
];
