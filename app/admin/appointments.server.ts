// Acting appointments (R3): an admin gives a person a reviewing role for a period. While it is
// in force the person sees and does what the role allows, and the audit trail reads
// "Jane Roe, acting Director" (session.server's currentRoles reads the period).
import type { CurrentUser } from "~/auth/session.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { ROLE_LABELS } from "workflows";
import { auditAdmin } from "./adminAudit.server";
import type { AppointmentForm } from "./appointmentForm";
import { findUserForAdmin } from "./users.server";

export async function appoint(
  db: PrismaClient,
  input: { by: CurrentUser; userId: string; values: AppointmentForm; now: Date },
): Promise<void> {
  const user = await findUserForAdmin(db, input.userId);
  const { role, startsOn, endsOn } = input.values;
  await db.$transaction(async (tx) => {
    await tx.roleAssignment.create({ data: { userId: user.id, role, acting: true, startsOn, endsOn } });
    await auditAdmin(tx, {
      by: input.by,
      event: "ACTING_APPOINTED",
      comment: `${user.name}, acting ${ROLE_LABELS[role]}, ${startsOn} to ${endsOn}`,
      at: input.now,
    });
  });
}

/** Remove an appointment; its past use stays in the audit trail of the requests acted on. */
export async function removeAppointment(
  db: PrismaClient,
  input: { by: CurrentUser; userId: string; appointmentId: string; now: Date },
): Promise<void> {
  const appointment = await db.roleAssignment.findFirst({
    where: { id: input.appointmentId, userId: input.userId, acting: true },
    include: { user: { select: { name: true } } },
  });
  if (!appointment) throw new Response("Not found", { status: 404 });
  await db.$transaction(async (tx) => {
    await tx.roleAssignment.delete({ where: { id: appointment.id } });
    await auditAdmin(tx, {
      by: input.by,
      event: "ACTING_REMOVED",
      comment: `${appointment.user.name}, acting ${ROLE_LABELS[appointment.role as keyof typeof ROLE_LABELS] ?? appointment.role}, ${appointment.startsOn} to ${appointment.endsOn}`,
      at: input.now,
    });
  });
}
