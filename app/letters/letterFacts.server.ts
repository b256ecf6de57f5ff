// What a request's letter says, read from the record as it stood when the request was decided:
// the deciding audit entry (the last approving sign-off, or the rejection) fixes the moment, the
// files attached and not withdrawn by then are the approved materials, and that entry's hash
// gives the verification code. The same request always gives the same letter.
import { currentAnalysis } from "~/analysis/analyses.server";
import { plainSummary } from "~/components/AnalysisSummary";
import { formatUsd, toCents } from "~/fees/money";
import { formatDate, formatInstant } from "~/format";
import type { PrismaClient } from "~/generated/prisma/client";
import type { RequestRow } from "~/requests/queries.server";
import { getSettings } from "~/settings.server";
import { actorLabel, REQUEST_TYPE_LABELS, restore, stateName, type ActorRole, type RequestType } from "workflows";
import { DECIDED_STATE, letterKind, type LetterKind } from "./letterAccess.server";
import { verificationCode } from "./verificationCode";

export interface LetterFacts {
  kind: LetterKind;
  reference: string;
  department: string;
  title: string;
  typeLabel: string;
  submittedBy: string;
  dates: Array<[label: string, value: string]>;
  decidedOn: string;
  /** Approval: what the signers wrote with their sign-offs. */
  conditions: string[];
  fee: string | null;
  analysis: string | null;
  signOffs: Array<{ role: string; name: string; acting: boolean; signedAt: string }>;
  /** Rejection: who rejected, and why. */
  rejection: { by: string; reason: string } | null;
  files: Array<{ fileName: string; sha256: string }>;
  code: string;
}

const SLOT_LABELS = { director: "Director", assistantDirector: "Assistant Director" } as const;

function datesOf(row: Pick<RequestRow, "type" | "effectiveDate" | "endDate" | "routing">): Array<[string, string]> {
  const day = (d: string | null) => (d ? formatDate(d) : "not given");
  if (row.type === "materials") return [["Distribution window", `${day(row.effectiveDate)} to ${day(row.endDate)}`]];
  if (row.type === "call_routing") {
    return row.endDate
      ? [["Calls routed", `${day(row.effectiveDate)} to ${day(row.endDate)} (temporary)`]]
      : [["Calls routed from", `${day(row.effectiveDate)} (permanent)`]];
  }
  return [["Effective", day(row.effectiveDate)]];
}

/** The letter of a decided request, or null when it has none (not decided, or no longer approved). */
export async function letterFacts(db: PrismaClient, row: RequestRow): Promise<LetterFacts | null> {
  const snapshot = restore(row.snapshot, row.machineVersion);
  const kind = letterKind(stateName(snapshot));
  if (!kind) return null;
  const { timeZone } = getSettings();
  const decided = await db.auditEntry.findFirst({
    where: { requestId: row.id, toState: DECIDED_STATE[kind], NOT: { fromState: DECIDED_STATE[kind] } },
    orderBy: { id: "desc" },
  });
  if (!decided?.hash) return null;
  const ctx = snapshot.context;
  const [approvals, files, analysis] = await Promise.all([
    db.auditEntry.findMany({ where: { requestId: row.id, event: "APPROVE", id: { lte: decided.id } }, orderBy: { id: "asc" } }),
    db.attachment.findMany({
      where: { requestId: row.id, createdAt: { lte: decided.at }, OR: [{ withdrawnAt: null }, { withdrawnAt: { gt: decided.at } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    ctx.analysis ? currentAnalysis(db, row.id, ctx.analysis.at) : Promise.resolve(null),
  ]);
  // The sign-offs that stood: those after the last time the request went back (R12) are the snapshot's.
  const signedSince = [ctx.signOffs.director?.at, ctx.signOffs.assistantDirector?.at].filter((at): at is string => !!at).sort()[0];
  const fee = ctx.fee;
  return {
    kind,
    reference: row.reference,
    department: row.department.name,
    title: row.title,
    typeLabel: REQUEST_TYPE_LABELS[row.type as RequestType] ?? row.type,
    submittedBy: row.submitter.name,
    dates: datesOf(row),
    decidedOn: formatInstant(decided.at, timeZone),
    conditions:
      kind === "approval" && signedSince
        ? approvals.filter((a) => a.at.getTime() >= new Date(signedSince).getTime() && a.comment).map((a) => `${a.actorName}: ${a.comment}`)
        : [],
    fee: fee
      ? fee.amount === 0
        ? "No fee (waived by Finance)."
        : `${formatUsd(toCents(fee.amount))}${fee.status === "accepted" && fee.accountCode ? `, charged to account ${fee.accountCode} by interdepartmental transfer` : ` (${fee.status})`}.`
      : "No fee: no call volume analysis was needed.",
    analysis: analysis ? `${plainSummary(analysis.outputs)} Analyst's recommendation: ${analysis.recommendation}` : null,
    signOffs:
      kind === "approval"
        ? (["director", "assistantDirector"] as const).flatMap((slot) => {
            const s = ctx.signOffs[slot];
            return s ? [{ role: SLOT_LABELS[slot], name: s.name, acting: s.acting, signedAt: formatInstant(s.at, timeZone) }] : [];
          })
        : [],
    rejection:
      kind === "rejection"
        ? { by: actorLabel(decided.actorName, decided.role ? { role: decided.role as ActorRole, acting: decided.acting } : null), reason: decided.comment ?? "" }
        : null,
    files: files.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })),
    code: verificationCode(row.reference, decided.hash),
  };
}
