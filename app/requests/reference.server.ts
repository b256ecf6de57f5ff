import type { Prisma } from "~/generated/prisma/client";

/** The next human-readable reference for a year, e.g. 311-2026-0042; inside the creating transaction. */
export async function nextReference(tx: Prisma.TransactionClient, year: number): Promise<string> {
  const counter = await tx.requestCounter.upsert({
    where: { year },
    create: { year, last: 1 },
    update: { last: { increment: 1 } },
  });
  return `311-${year}-${String(counter.last).padStart(4, "0")}`;
}
