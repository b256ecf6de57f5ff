// The calibration offer for a request's analysis (issue 19): the outcomes of past requests of its
// type, as the accuracy page gathers them, weighed by `offerCalibration`. Worked out again when
// the analysis is recorded, so what is stored is what the server found, not what a form posted.
// The outcomes are the accuracy page's memoised read (every type: this request's are picked here).
import { comparedOutcomes } from "~/actuals/requestActuals.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { offerCalibration } from "./calibration";

export async function calibrationOfferFor(db: PrismaClient, request: { id: string; type: string; departmentId: string }, today: string) {
  const outcomes = (await comparedOutcomes(db, today)).filter((o) => o.type === request.type);
  return offerCalibration(outcomes, { type: request.type, departmentId: request.departmentId, excludeId: request.id });
}
