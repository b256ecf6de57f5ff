// Departments (admin only): the list, and a form to add one.
import { DateText } from "~/components/DateText";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DEPARTMENT_FIELDS } from "~/admin/formFields";
import { departmentFormSchema } from "~/forms/schemas.server";
import { createDepartment, listDepartments } from "~/admin/departments.server";
import { requireRole } from "~/auth/require-role.server";
import { DepartmentFields } from "~/components/DepartmentFields";
import { ErrorSummary } from "~/components/ErrorSummary";
import { db } from "~/db.server";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { useZodForm, type FormValues } from "~/forms/useZodForm";

export const meta: MetaFunction = () => [{ title: "Departments – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const departments = await listDepartments(db);
  return {
    departments: departments.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      partnerSince: d.partnerSince,
      users: d._count.users,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const values = formValues(await request.formData());
  const parsed = departmentFormSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const result = await createDepartment(db, { by: user, values: parsed.data, now: new Date() });
  if (!result.ok) return data({ values, errors: { [result.field]: result.message } as Record<string, string> }, { status: 400 });
  return redirect(`/admin/departments/${result.id}?saved=1`, 303);
}

const EMPTY: FormValues = { code: "", name: "", partnerSince: "" };

export default function DepartmentsPage() {
  const { departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? EMPTY;
  const form = useZodForm(() => import("~/admin/departmentForm").then((m) => m.departmentFormSchema), { serverErrors: actionData?.errors });
  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/admin">Administration</Link>
      </p>
      <h1 className="margin-top-1">Departments</h1>
      <table className="usa-table usa-table--borderless usa-table--stacked" data-testid="departments">
        <caption className="usa-sr-only">Departments and their 3-1-1 partnerships</caption>
        <thead>
          <tr>
            <th scope="col">Department</th>
            <th scope="col">Code</th>
            <th scope="col">3-1-1 partnership</th>
            <th scope="col">People</th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d.id}>
              <th scope="row" data-label="Department">
                <Link to={`/admin/departments/${d.id}`}>{d.name}</Link>
              </th>
              <td data-label="Code">{d.code}</td>
              <td data-label="3-1-1 partnership">
                {d.partnerSince ? (
                  <>
                    Partner since <DateText date={d.partnerSince} />
                  </>
                ) : (
                  "Not a partner"
                )}
              </td>
              <td data-label="People">{d.users}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="margin-top-4">Add a department</h2>
      <ErrorSummary errors={form.summary(DEPARTMENT_FIELDS)} />
      <Form method="post" className="usa-form usa-form--large" noValidate {...form.formProps}>
        <DepartmentFields form={form} values={values} />
        <button type="submit" className="usa-button">
          Add the department
        </button>
      </Form>
    </>
  );
}
