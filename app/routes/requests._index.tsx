// All the requests this person may see (R1), with filters, search and pages.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { SelectField, TextField } from "~/components/Field";
import { RequestRows, RequestTable } from "~/components/RequestTable";
import { departmentChoices } from "~/admin/departments.server";
import { db } from "~/db.server";
import { staticMarkup } from "~/http/serverMarkup.server";
import { mayCreateRequests } from "~/requests/access.server";
import { cursorParam, type Cursor } from "~/requests/listCursor";
import { filtersFrom, listRequests, type ListFilters } from "~/requests/queries.server";
import { STATE_LABELS, STATE_NAMES, REQUEST_TYPE_LABELS, REQUEST_TYPES } from "workflows/view";
import { NewRequestButton } from "~/components/NewRequestButton";
import { Pagination } from "~/components/Pagination";

export const meta: MetaFunction = () => [{ title: "Requests – 3-1-1 Number Use Portal" }];

/** The list's table among the markups the page is sent once. */
const TABLE_MARKUP = "request-list";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const filters = filtersFrom(url.searchParams);
  const seesAllDepartments = user.roles.some((r) => ["director", "assistant_director", "analyst", "finance"].includes(r.role));
  const [list, departments] = await Promise.all([
    listRequests(db, user, filters),
    seesAllDepartments ? departmentChoices(db) : [],
  ]);
  const { rows, ...place } = list;
  const page = {
    ...place,
    rowCount: rows.length,
    table: rows.length > 0 ? staticMarkup(context, TABLE_MARKUP, RequestRows, { rows, caption: `Requests, page ${list.page}` }) : null,
    filters,
    departments,
    canCreate: mayCreateRequests(user),
  };
  // A search that cannot be run is the person's to correct: the page, with the reason, as a 400.
  return data(page, { status: filters.searchError ? 400 : 200 });
}

/** The same filters, from another place in the list. */
function pageLink(filters: ListFilters, page: number, direction: "after" | "before", cursor: Cursor) {
  const params = new URLSearchParams();
  for (const key of ["q", "state", "type", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.departmentId) params.set("department", filters.departmentId);
  params.set("page", String(page));
  params.set(direction, cursorParam(cursor));
  return `?${params.toString()}`;
}

export default function Requests() {
  const { rowCount, table, previous, next, page, filters, departments, canCreate } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Requests</h1>
      {canCreate ? <NewRequestButton /> : null}
      <Form method="get" className="portal-filters" aria-label="Filter requests">
        <TextField name="q" label="Search" hint="Title, reference or description" defaultValue={filters.q ?? ""} type="search" error={filters.searchError} />
        <SelectField
          name="state"
          label="Status"
          defaultValue={filters.state ?? ""}
          // Drafts are their department's own (R18): only those who write requests can find one.
          options={[
            { value: "", label: "Any status" },
            ...STATE_NAMES.filter((s) => s !== "draft" || canCreate).map((s) => ({ value: s, label: STATE_LABELS[s] })),
          ]}
        />
        <SelectField
          name="type"
          label="Type"
          defaultValue={filters.type ?? ""}
          options={[{ value: "", label: "Any type" }, ...REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }))]}
        />
        {departments.length > 0 ? (
          <SelectField
            name="department"
            label="Department"
            defaultValue={filters.departmentId ?? ""}
            options={[{ value: "", label: "Any department" }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
          />
        ) : null}
        <TextField name="from" label="Effective on or after" type="date" defaultValue={filters.from ?? ""} />
        <TextField name="to" label="Effective on or before" type="date" defaultValue={filters.to ?? ""} />
        <button type="submit" className="usa-button">
          Apply filters
        </button>
      </Form>
      {rowCount === 0 ? <p data-testid="no-requests">No requests match.</p> : <RequestTable name={TABLE_MARKUP} html={table} />}
      <Pagination
        previous={previous ? pageLink(filters, Math.max(1, page - 1), "before", previous) : null}
        next={next ? pageLink(filters, page + 1, "after", next) : null}
      />
    </>
  );
}
