// The department form's fields, shared by "add" and "edit".
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
        label="311 partner since (optional)"
        hint="The date the 311 partnership began. Leave blank for a department without a partnership. Partners give 7 days' notice, others 14 (R4, R5)."
        type="date"
        error={form.errorFor("partnerSince")}
        defaultValue={values.partnerSince}
        {...form.register("partnerSince")}
      />
    </>
  );
}
