// The forms of the actual-calls pages (issue 19): one zod schema each, parsed by the actions.
// On the server only: a schema made at a browser module's top level would put zod on the page.
import * as z from "~/forms/zod";
import { QUEUE_MAX, QUEUES_PER_REQUEST, SOURCE_NAME_MAX } from "./actualsForms";
import { CALL_SYSTEMS } from "./callSystems";

/** The upload's source: one already known (its id), or "new" with the fields of newSourceSchema. */
export const sourceChoiceSchema = z.object({ sourceId: z.string({ error: "Choose where the file comes from" }).check(z.minLength(1, "Choose where the file comes from")) });

export const newSourceSchema = z.object({
  newName: z
    .string({ error: "Name the new source" })
    .check(z.trim(), z.minLength(1, "Name the new source, for example “Cisco UCCX”"), z.maxLength(SOURCE_NAME_MAX, `Use ${SOURCE_NAME_MAX} characters or fewer`)),
  newSystem: z.enum(CALL_SYSTEMS, { error: "Choose the phone system the file comes from" }),
});

export const uploadIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("map") }),
  z.object({ intent: z.literal("import") }),
  z.object({ intent: z.literal("discard") }),
]);

/** Queue codes, one a line or separated by commas. */
export const queuesFormSchema = z.object({
  queues: z.pipe(
    z.string().check(z.maxLength(QUEUES_PER_REQUEST * (QUEUE_MAX + 2), "Too many queue codes")),
    z.transform((text) => [...new Set(text.split(/[\n,]/).map((q) => q.trim()).filter((q) => q !== ""))]),
  ).check(
    z.refine((queues) => queues.length <= QUEUES_PER_REQUEST, `Give at most ${QUEUES_PER_REQUEST} queue codes`),
    z.refine((queues) => queues.every((q) => q.length <= QUEUE_MAX), `A queue code has at most ${QUEUE_MAX} characters`),
  ),
});
