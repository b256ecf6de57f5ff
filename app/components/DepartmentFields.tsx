// The department form's fields, shared by "add" and "edit".
import { NON_PARTNER_NOTICE_DAYS, PARTNER_NOTICE_DAYS } from "workflows/view";
import { TextField } from "./Field";
import type { useZodForm, FormValues } from "~/forms/useZodForm";

export function DepartmentFields({ form, values }: { form: ReturnType<typeof useZodForm>; values: FormValues }) {
  return (
    <>
      <TextField
        label="Code"
        hint="2 to 10 letters, like DPW. Request references do not use it."
        className="usa-input--small"
        error={form.errorFor("code")}
        defaultValue={values.code}
        {...form.register("code")}
      />
      <TextField label="Name" error={form.errorFor("name")} defaultValue={values.name} {...form.register("name")} />
      <TextField
        label="3-1-1 partner since (optional)"
        hint={`The date the 3-1-1 partnership began. Leave blank for a department without a partnership. Partner departments give ${PARTNER_NOTICE_DAYS} calendar days' notice, others ${NON_PARTNER_NOTICE_DAYS}.`}
        type="date"
        error={form.errorFor("partnerSince")}
        defaultValue={values.partnerSince}
        {...form.register("partnerSince")}
      />
    </>
  );
}
