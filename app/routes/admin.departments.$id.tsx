// One department (admin only): its name, code and 311 partnership, and the audited history of
// changes to them is in the portal's audit trail.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DEPARTMENT_FIELDS } from "~/admin/formFields";
import { departmentFormSchema } from "~/forms/schemas.server";
import { findDepartment, updateDepartment } from "~/admin/departments.server";
import { requireRole } from "~/auth/require-role.server";
import { DepartmentFields } from "~/components/DepartmentFields";
import { ErrorSummary } from "~/components/ErrorSummary";
import { db } from "~/db.server";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { useZodForm, type FormValues } from "~/forms/useZodForm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.department.name ?? "Department"} – 3-1-1 Number Use Portal` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const department = await findDepartment(db, params.id ?? "");
  return {
    department: { id: department.id, name: department.name },
    defaults: { code: department.code, name: department.name, partnerSince: department.partnerSince ?? "" } satisfies FormValues,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const department = await findDepartment(db, params.id ?? "");
  const values = formValues(await request.formData());
  const parsed = departmentFormSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const result = await updateDepartment(db, { by: user, id: department.id, values: parsed.data, now: new Date() });
  if (!result.ok) return data({ values, errors: { [result.field]: result.message } as Record<string, string> }, { status: 400 });
  return redirect(`/admin/departments/${department.id}?saved=1`, 303);
}

export default function DepartmentPage() {
  const { department, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = actionData?.values ?? defaults;
  const form = useZodForm(() => import("~/admin/departmentForm").then((m) => m.departmentFormSchema), { serverErrors: actionData?.errors });
  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/admin/departments">Departments</Link>
      </p>
      <h1 className="margin-top-1">{department.name}</h1>
      {params.get("saved") && !actionData ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">Saved. The change is in the audit trail with your name.</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={form.summary(DEPARTMENT_FIELDS)} />
      <Form method="post" className="usa-form usa-form--large" noValidate {...form.formProps}>
        <DepartmentFields form={form} values={values} />
        <button type="submit" className="usa-button">
          Save
        </button>
      </Form>
    </>
  );
}
