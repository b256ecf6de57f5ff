// Importing actual calls (issue 19): the analyst uploads a phone system's export for a source
// (Cisco, Genesys, Five9, Amazon Connect or another), then checks its preview and imports it
// (actuals.uploads.$id). The upload streams with the attachments' cap (app/http/uploadBody.server.ts).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { actualsRoles } from "~/actuals/actualsRoles";
import { SOURCE_NAME_MAX } from "~/actuals/actualsForms";
import { newSourceSchema, sourceChoiceSchema } from "~/actuals/actualsForms.server";
import { callSource, callSources, recentImports, sourceNamed, stageUpload } from "~/actuals/callSources.server";
import { CALL_SYSTEMS, CALL_SYSTEM_LABELS } from "~/actuals/callSystems";
import { readUploadForm } from "~/attachments/multipart.server";
import { formatSize } from "~/attachments/fileTypes";
import { requireRole } from "~/auth/require-role.server";
import { InstantText } from "~/components/DateText";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Field";
import { db } from "~/db.server";
import { fieldErrors } from "~/forms/fieldErrors";
import { formatCount, shownInstant } from "~/format";
import { UPLOAD_TOO_LARGE } from "~/http/uploadBody.server";
import { getSettings } from "~/settings.server";

export const meta: MetaFunction = () => [{ title: "Actual calls – 3-1-1 Number Use Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, actualsRoles);
  const [sources, imports] = await Promise.all([callSources(db), recentImports(db)]);
  const { timeZone, attachmentMaxRequestBytes } = getSettings();
  return {
    sources: sources.map((s) => ({ id: s.id, name: s.name, system: CALL_SYSTEM_LABELS[s.system], mapped: s.mapping !== null })),
    imports: imports.map((i) => ({ id: i.id, source: i.source.name, fileName: i.fileName, rows: i.rows, at: shownInstant(i.createdAt, timeZone) })),
    limit: formatSize(attachmentMaxRequestBytes),
  };
}

type Refusal = { errors: Record<string, string>; values: Record<string, string> };
const refuse = (status: number, errors: Record<string, string>, values: Record<string, string> = {}) => data<Refusal>({ errors, values }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, actualsRoles);
  const settings = getSettings();
  let upload;
  try {
    upload = await readUploadForm(request, settings.attachmentMaxRequestBytes);
  } catch (error) {
    if (error instanceof Error && error.name === UPLOAD_TOO_LARGE) return refuse(413, { file: `The file is larger than ${formatSize(settings.attachmentMaxRequestBytes)}: export fewer days at a time.` });
    return refuse(400, { file: "The upload could not be read. Choose the file and send the form again." });
  }
  const { fields, files } = upload;
  const values = { sourceId: fields.sourceId ?? "", newName: fields.newName ?? "", newSystem: fields.newSystem ?? "" };
  const choice = sourceChoiceSchema.safeParse(fields);
  if (!choice.success) return refuse(400, fieldErrors(choice.error), values);
  const [file] = files;
  if (!file) return refuse(400, { file: "Choose the export file (CSV)" }, values);
  if (file.bytes === null) return refuse(413, { file: `The file is larger than ${formatSize(settings.attachmentMaxRequestBytes)}: export fewer days at a time.` }, values);
  let sourceId: string;
  if (choice.data.sourceId === "new") {
    const created = newSourceSchema.safeParse(fields);
    if (!created.success) return refuse(400, fieldErrors(created.error), values);
    sourceId = (await sourceNamed(db, created.data.newName, created.data.newSystem)).id;
  } else {
    const known = await callSource(db, choice.data.sourceId);
    if (!known) return refuse(400, { sourceId: "Choose where the file comes from" }, values);
    sourceId = known.id;
  }
  const id = await stageUpload(db, { sourceId, fileName: file.name.slice(0, 200), bytes: file.bytes, userId: user.id });
  return redirect(`/actuals/uploads/${id}`, 303);
}

export default function ActualCallsPage() {
  const { sources, imports, limit } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = sent?.errors ?? {};
  const values = sent?.values ?? {};
  const summary = (["sourceId", "newName", "newSystem", "file"] as const).filter((f) => errors[f]).map((f): [string, string] => [f, errors[f]]);
  const done = params.get("imported");
  return (
    <>
      <h1>Actual calls</h1>
      <p>
        Import the phone system’s counts of calls by day or interval and queue, then tie each request to its queue codes (on the request’s page) to see its
        forecast against what came. <Link to="/accuracy">Forecast accuracy</Link>
      </p>
      {done ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status" data-testid="import-done">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{done === "again" ? "That file was imported before: nothing changed." : `Imported ${formatCount(Number(done))} rows.`}</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={summary} />
      <section aria-labelledby="upload-heading" className="margin-y-3">
        <h2 id="upload-heading">Upload an export</h2>
        <Form method="post" encType="multipart/form-data" className="usa-form usa-form--large" noValidate>
          <div className={`usa-form-group${errors.sourceId ? " usa-form-group--error" : ""}`}>
            <label className="usa-label" htmlFor="sourceId">
              Where the file comes from
            </label>
            {errors.sourceId ? <span className="usa-error-message" id="sourceId-error">{errors.sourceId}</span> : null}
            <select className="usa-select" id="sourceId" name="sourceId" defaultValue={values.sourceId ?? sources[0]?.id ?? "new"}>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.system})
                </option>
              ))}
              <option value="new">A new source…</option>
            </select>
          </div>
          <fieldset className="usa-fieldset margin-top-2">
            <legend className="usa-legend">A new source (only when “A new source…” is chosen)</legend>
            <TextField name="newName" label="Name of the new source" hint="For example: Cisco UCCX, Genesys Cloud" maxLength={SOURCE_NAME_MAX} defaultValue={values.newName ?? ""} error={errors.newName} />
            <div className={`usa-form-group${errors.newSystem ? " usa-form-group--error" : ""}`}>
              <label className="usa-label" htmlFor="newSystem">
                Phone system
              </label>
              {errors.newSystem ? <span className="usa-error-message" id="newSystem-error">{errors.newSystem}</span> : null}
              <select className="usa-select" id="newSystem" name="newSystem" defaultValue={values.newSystem ?? "cisco"}>
                {CALL_SYSTEMS.map((s) => (
                  <option key={s} value={s}>
                    {CALL_SYSTEM_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
          <div className={`usa-form-group${errors.file ? " usa-form-group--error" : ""}`}>
            <label className="usa-label" htmlFor="file">
              Export file (CSV)
            </label>
            <div className="usa-hint" id="file-hint">
              A header line, then a row per day (or interval) and queue; at most {limit}.
            </div>
            {errors.file ? <span className="usa-error-message" id="file-error">{errors.file}</span> : null}
            <input type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby={errors.file ? "file-hint file-error" : "file-hint"} />
          </div>
          <button type="submit" className="usa-button">
            Upload and preview
          </button>
        </Form>
      </section>
      <section aria-labelledby="sources-heading" className="margin-y-3">
        <h2 id="sources-heading">Sources</h2>
        {sources.length === 0 ? (
          <p>No source yet: the first upload names one.</p>
        ) : (
          <ul className="usa-list">
            {sources.map((s) => (
              <li key={s.id}>
                {s.name} ({s.system}): {s.mapped ? "columns mapped" : "columns not mapped yet"}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="imports-heading" className="margin-y-3">
        <h2 id="imports-heading">Latest imports</h2>
        {imports.length === 0 ? (
          <p>Nothing imported yet.</p>
        ) : (
          <table className="usa-table usa-table--borderless" data-testid="imports">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Source</th>
                <th scope="col">File</th>
                <th scope="col">Rows</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td>
                    <InstantText at={i.at} />
                  </td>
                  <td>{i.source}</td>
                  <td>{i.fileName}</td>
                  <td>{formatCount(i.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
