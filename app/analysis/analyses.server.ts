// Stored call volume analyses (SPEC §5: "the analysis is stored with the request").
import { withChart } from "./dailyCallsSvg.server";
import type { PrismaClient } from "~/generated/prisma/client";
import type { CallProjection, ProjectionInput } from "./callProjection";
import type { AppliedCalibration, CalibrationOffer } from "./calibration";

/**
 * What the analyst recorded: the calculator's inputs and outputs (calibrated), the calibration
 * factor applied and the offer it was chosen against, and their own recommendation.
 */
export interface StoredAnalysis {
  inputs: ProjectionInput;
  outputs: CallProjection;
  calibration: AppliedCalibration;
  recommendation: string;
  recordedBy: string;
  recordedAt: string;
}

interface StoredOutputs extends CallProjection {
  analystRecommendation: string;
}

/**
 * Store an analysis the machine has accepted. `at` is the RECORD_ANALYSIS event's instant,
 * which is how the request's current analysis finds its row again.
 */
export async function storeAnalysis(
  db: Pick<PrismaClient, "analysis">,
  input: {
    requestId: string;
    userId: string;
    at: Date;
    inputs: ProjectionInput;
    outputs: CallProjection;
    calibration: AppliedCalibration;
    recommendation: string;
  },
): Promise<void> {
  const outputs: StoredOutputs = { ...input.outputs, analystRecommendation: input.recommendation };
  await db.analysis.create({
    data: {
      requestId: input.requestId,
      recordedById: input.userId,
      createdAt: input.at,
      inputs: JSON.stringify(input.inputs),
      outputs: JSON.stringify(outputs),
      calibrationFactor: input.calibration.factor,
      calibration: input.calibration.offer ? JSON.stringify(input.calibration.offer) : null,
      // The days again as rows, which the capacity calendar adds up in SQL.
      days: { createMany: { data: input.outputs.daily.map((day) => ({ date: day.date, calls: day.calls })) } },
    },
  });
}

type Row = { inputs: string; outputs: string; calibrationFactor: number; calibration: string | null; createdAt: Date; recordedBy: { name: string } };

function fromRow(row: Row): StoredAnalysis {
  const outputs = JSON.parse(row.outputs) as StoredOutputs;
  return {
    inputs: JSON.parse(row.inputs) as ProjectionInput,
    outputs,
    calibration: { factor: row.calibrationFactor, offer: row.calibration === null ? null : (JSON.parse(row.calibration) as CalibrationOffer) },
    recommendation: outputs.analystRecommendation,
    recordedBy: row.recordedBy.name,
    recordedAt: row.createdAt.toISOString(),
  };
}

/** The stored analysis behind the machine's current one (recorded at `at`), if any. */
/** The analysis recorded at `at`, with its chart drawn, for a page. */
export async function currentAnalysis(
  db: PrismaClient,
  requestId: string,
  at: string,
): Promise<(StoredAnalysis & { outputs: { chartSvg: string } }) | null> {
  const row = await db.analysis.findFirst({
    where: { requestId, createdAt: new Date(at) },
    orderBy: { id: "desc" },
    include: { recordedBy: { select: { name: true } } },
  });
  if (!row) return null;
  const stored = fromRow(row);
  return { ...stored, outputs: withChart(stored.outputs) };
}

/** The current analyses of several requests, by request id: for the capacity calendar. */
export async function currentAnalyses(
  db: PrismaClient,
  current: Array<{ requestId: string; at: string }>,
): Promise<Map<string, StoredAnalysis>> {
  if (current.length === 0) return new Map();
  const wanted = new Map(current.map((c) => [c.requestId, new Date(c.at).getTime()]));
  const rows = await db.analysis.findMany({
    where: { requestId: { in: [...wanted.keys()] } },
    include: { recordedBy: { select: { name: true } } },
  });
  // Each request's current analysis is the one recorded at the instant its snapshot names.
  return new Map(rows.filter((row) => wanted.get(row.requestId) === row.createdAt.getTime()).map((row) => [row.requestId, fromRow(row)]));
}
