// What audit:verify and audit:rekey print about the problems they found: one line each, the
// first (by entry) first, with the kind of damage.
import type { AuditProblem } from "./auditVerify.server";

const SHOWN = 20;

export function problemLine(p: AuditProblem): string {
  const where = p.entryId !== null ? `Audit entry ${p.entryId}` : p.requestId !== null ? "Request" : "The portal chain";
  const about = p.requestId !== null ? ` (request ${p.requestId})` : p.entryId !== null ? " (portal chain)" : "";
  return `${where}${about}: ${p.kind}: ${p.detail}.`;
}

export function problemLines(problems: AuditProblem[]): string[] {
  const lines = problems.slice(0, SHOWN).map(problemLine);
  if (problems.length > SHOWN) lines.push(`… and ${problems.length - SHOWN} more.`);
  return lines;
}
