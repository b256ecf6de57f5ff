// Departments and their 3-1-1 partnerships (R4, R5: partnerSince is set by an admin, never by
// a requester). Every change is audited with who and when.
import { formatDate } from "workflows";
import type { CurrentUser } from "~/auth/session.server";
import { readRows } from "~/db/rawReads.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { auditAdmin } from "./adminAudit.server";
import type { DepartmentForm } from "./departmentForm";

export async function listDepartments(db: PrismaClient) {
  return db.department.findMany({
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, partnerSince: true, _count: { select: { users: true } } },
  });
}

/** Departments by name, for filter lists: read on every list page, so one raw query. */
export async function departmentChoices(db: PrismaClient): Promise<Array<{ id: string; name: string }>> {
  return readRows(db, Prisma.sql`SELECT id, name FROM "Department" ORDER BY name`);
}

export async function findDepartment(db: PrismaClient, id: string) {
  const department = await db.department.findUnique({ where: { id } });
  if (!department) throw new Response("Not found", { status: 404 });
  return department;
}

export type DepartmentSaveResult = { ok: true; id: string } | { ok: false; field: "code"; message: string };

const partnership = (since: string | null) => (since ? `3-1-1 partner since ${formatDate(since)}` : "not a 3-1-1 partner");

async function codeTaken(db: PrismaClient, code: string, exceptId?: string): Promise<boolean> {
  const other = await db.department.findUnique({ where: { code }, select: { id: true } });
  return other !== null && other.id !== exceptId;
}

const TAKEN = { ok: false, field: "code", message: "Another department already has this code" } as const;

export async function createDepartment(
  db: PrismaClient,
  input: { by: CurrentUser; values: DepartmentForm; now: Date },
): Promise<DepartmentSaveResult> {
  const { values } = input;
  if (await codeTaken(db, values.code)) return TAKEN;
  const id = await db.$transaction(async (tx) => {
    const created = await tx.department.create({ data: values });
    await auditAdmin(tx, {
      by: input.by,
      event: "DEPARTMENT_CREATED",
      comment: `${values.code} ${values.name}: ${partnership(values.partnerSince)}`,
      at: input.now,
    });
    return created.id;
  });
  return { ok: true, id };
}

export async function updateDepartment(
  db: PrismaClient,
  input: { by: CurrentUser; id: string; values: DepartmentForm; now: Date },
): Promise<DepartmentSaveResult> {
  const { values } = input;
  const before = await findDepartment(db, input.id);
  if (await codeTaken(db, values.code, input.id)) return TAKEN;
  await db.$transaction(async (tx) => {
    await tx.department.update({ where: { id: input.id }, data: values });
    if (before.code !== values.code || before.name !== values.name) {
      await auditAdmin(tx, {
        by: input.by,
        event: "DEPARTMENT_UPDATED",
        comment: `${before.code} ${before.name} → ${values.code} ${values.name}`,
        at: input.now,
      });
    }
    // The partnership decides notice periods (R4, R5), so its own entry says who changed it.
    if (before.partnerSince !== values.partnerSince) {
      await auditAdmin(tx, {
        by: input.by,
        event: values.partnerSince ? "PARTNERSHIP_SET" : "PARTNERSHIP_CLEARED",
        comment: `${values.code}: ${partnership(before.partnerSince)} → ${partnership(values.partnerSince)}`,
        at: input.now,
      });
    }
  });
  return { ok: true, id: input.id };
}
