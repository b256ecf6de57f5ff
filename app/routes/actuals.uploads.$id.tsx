// An uploaded export of actual calls (issue 19): the analyst maps its columns (once per source:
// the mapping is saved with the source and used for its next files), sees the first rows as
// mapped and every bad line, and imports it, all or nothing.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { actualsRoles } from "~/actuals/actualsRoles";
import { uploadIntentSchema } from "~/actuals/actualsForms.server";
import { importCalls, previewFile, readHeader } from "~/actuals/callImport.server";
import { dropUpload, saveMapping, stagedUpload } from "~/actuals/callSources.server";
import { CALL_SYSTEM_LABELS, guessMapping } from "~/actuals/callSystems";
import { columnMappingSchema, MAPPING_FIELDS, missingColumns, type ColumnMapping } from "~/actuals/columnMapping";
import { requireRole } from "~/auth/require-role.server";
import { DateText } from "~/components/DateText";
import { ErrorSummary } from "~/components/ErrorSummary";
import { db } from "~/db.server";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { formatCount } from "~/format";
import { getSettings } from "~/settings.server";

export const meta: MetaFunction = () => [{ title: "Check an export of actual calls – 3-1-1 Number Use Portal" }];

async function uploadOr404(id: string | undefined) {
  const upload = id ? await stagedUpload(db, id) : null;
  if (!upload) throw new Response("Not found", { status: 404 });
  return upload;
}

/** The source's saved mapping when this file has its columns; else nothing saved applies. */
function savedMapping(mapping: ColumnMapping | null, header: string[]): ColumnMapping | null {
  return mapping && missingColumns(mapping, header).length === 0 ? mapping : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, actualsRoles);
  const upload = await uploadOr404(params.id);
  const header = await readHeader(upload.bytes);
  const mapping = savedMapping(upload.source.mapping, header);
  const preview = mapping ? await previewFile(upload.bytes, mapping, getSettings().timeZone) : null;
  return {
    upload: { id: upload.id, fileName: upload.fileName, source: upload.source.name, system: CALL_SYSTEM_LABELS[upload.source.system] },
    header,
    // A saved mapping whose columns are in the file, or a first guess from the header.
    mapping: mapping ?? guessMapping(header),
    mapped: mapping !== null,
    changedHeader: upload.source.mapping !== null && mapping === null,
    preview,
  };
}

type Answer = { errors: Record<string, string>; lineErrors?: Array<{ line: number; message: string }>; errorCount?: number; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, actualsRoles);
  const upload = await uploadOr404(params.id);
  const form = formValues(await request.formData());
  const intent = uploadIntentSchema.safeParse(form);
  if (!intent.success) return data<Answer>({ errors: { form: "Choose what to do with the file" } }, { status: 400 });
  if (intent.data.intent === "discard") {
    await dropUpload(db, upload.id);
    return redirect("/actuals", 303);
  }
  const header = await readHeader(upload.bytes);
  if (intent.data.intent === "map") {
    const parsed = columnMappingSchema.safeParse(form);
    if (!parsed.success) return data<Answer>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
    const mapping = parsed.data as ColumnMapping;
    if (missingColumns(mapping, header).length > 0) return data<Answer>({ errors: { form: "Choose columns the file has" }, values: form }, { status: 400 });
    await saveMapping(db, upload.sourceId, mapping);
    return redirect(`/actuals/uploads/${upload.id}#preview-heading`, 303);
  }
  const mapping = savedMapping(upload.source.mapping, header);
  if (!mapping) return data<Answer>({ errors: { form: "Map the file’s columns before importing it" } }, { status: 400 });
  const outcome = await importCalls(db, {
    sourceId: upload.sourceId,
    mapping,
    source: upload.bytes,
    fileName: upload.fileName,
    sha256: upload.sha256,
    userId: user.id,
    timeZone: getSettings().timeZone,
  });
  if (!outcome.ok) {
    return data<Answer>({ errors: { form: `Nothing was imported: ${formatCount(outcome.errorCount)} ${outcome.errorCount === 1 ? "line has" : "lines have"} a problem.` }, lineErrors: outcome.errors, errorCount: outcome.errorCount }, { status: 422 });
  }
  await dropUpload(db, upload.id);
  return redirect(`/actuals?imported=${"rows" in outcome ? outcome.rows : "again"}`, 303);
}

export default function UploadPage() {
  const { upload, header, mapping, mapped, changedHeader, preview } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const errors = sent?.errors ?? {};
  const chosen: Record<string, string | undefined> = sent?.values ?? mapping;
  const summary: Array<[string, string]> = [];
  if (errors.form) summary.push([sent?.lineErrors ? "line-errors" : "mapping-heading", errors.form]);
  for (const field of MAPPING_FIELDS) if (errors[field.name]) summary.push([field.name, errors[field.name]]);
  const lineErrors = sent?.lineErrors ?? preview?.errors ?? [];
  const errorCount = sent?.errorCount ?? preview?.errorCount ?? 0;
  return (
    <>
      <p className="margin-bottom-0">
        <Link to="/actuals">Back to actual calls</Link>
      </p>
      <h1 className="margin-top-1">
        <span className="text-base-dark font-body-md display-block">
          {upload.source} ({upload.system})
        </span>
        Check {upload.fileName}
      </h1>
      <ErrorSummary errors={summary} />
      <section aria-labelledby="mapping-heading" className="margin-y-3">
        <h2 id="mapping-heading">Columns</h2>
        <p>
          {mapped
            ? "The source’s saved mapping reads this file. Change it here if its columns have moved; the next file from this source uses it too."
            : changedHeader
              ? "This file lacks columns the source’s saved mapping uses. Map them again: the new mapping replaces the old one."
              : "Say which column holds what. It is saved with the source and used for its next files."}
        </p>
        <Form method="post" className="usa-form usa-form--large" noValidate>
          <input type="hidden" name="intent" value="map" />
          {MAPPING_FIELDS.map((field) => (
            <div key={field.name} className={`usa-form-group${errors[field.name] ? " usa-form-group--error" : ""}`}>
              <label className="usa-label" htmlFor={field.name}>
                {field.label}
                {field.required ? "" : " (optional)"}
              </label>
              {errors[field.name] ? (
                <span className="usa-error-message" id={`${field.name}-error`}>
                  {errors[field.name]}
                </span>
              ) : null}
              <select className="usa-select" id={field.name} name={field.name} defaultValue={chosen[field.name] ?? ""}>
                <option value="">{field.required ? "- Choose a column -" : "- Not in this file -"}</option>
                {header.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className="usa-button usa-button--outline">
            Save the mapping and preview
          </button>
        </Form>
      </section>
      {preview ? (
        <section aria-labelledby="preview-heading" className="margin-y-3">
          <h2 id="preview-heading">Preview</h2>
          <p data-testid="preview-count">
            {formatCount(preview.rowCount)} good {preview.rowCount === 1 ? "row" : "rows"}; {formatCount(errorCount)} {errorCount === 1 ? "line" : "lines"} with a problem. The first rows as they will be stored:
          </p>
          <table className="usa-table usa-table--borderless usa-table--compact" data-testid="preview">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Date</th>
                <th scope="col">Interval</th>
                <th scope="col">Queue</th>
                <th scope="col">Offered</th>
                <th scope="col">Answered</th>
                <th scope="col">Abandoned</th>
                <th scope="col">Handle time (s)</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line}>
                  <th scope="row">{r.line}</th>
                  <td>
                    <DateText date={r.date} />
                  </td>
                  <td>{r.interval || "whole day"}</td>
                  <td>{r.queue}</td>
                  <td>{formatCount(r.offered)}</td>
                  <td>{r.answered ?? "–"}</td>
                  <td>{r.abandoned ?? "–"}</td>
                  <td>{r.handleSeconds ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {lineErrors.length > 0 ? (
        <section aria-labelledby="line-errors" className="margin-y-3">
          <h2 id="line-errors">Lines with a problem</h2>
          <ul className="usa-list" data-testid="line-errors">
            {lineErrors.map((e) => (
              <li key={`${e.line}:${e.message}`}>
                Line {e.line}: {e.message}
              </li>
            ))}
          </ul>
          {errorCount > lineErrors.length ? <p>And {formatCount(errorCount - lineErrors.length)} more. Correct the export and upload it again.</p> : null}
        </section>
      ) : null}
      <div className="margin-y-3">
        {preview && errorCount === 0 ? (
          <Form method="post" className="display-inline-block margin-right-2">
            <input type="hidden" name="intent" value="import" />
            <button type="submit" className="usa-button">
              Import {formatCount(preview.rowCount)} rows
            </button>
          </Form>
        ) : null}
        <Form method="post" className="display-inline-block">
          <input type="hidden" name="intent" value="discard" />
          <button type="submit" className="usa-button usa-button--unstyled">
            Discard this file
          </button>
        </Form>
      </div>
    </>
  );
}
