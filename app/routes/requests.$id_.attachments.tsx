// A request's files (R20, issue 14): the list, and for those who may, adding files and taking
// them off. The add form is a plain multipart form (it works without JavaScript); the upload is
// streamed with a cap (app/http/uploadBody.server.ts) and each file checked by its content.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DESCRIPTION_MAX } from "~/attachments/attachmentForm";
import { attachmentFormSchema } from "~/attachments/attachmentForm.server";
import { addAttachments, attachmentsOf, removeAttachment, type NewFile } from "~/attachments/attachments.server";
import { attachmentView } from "~/attachments/attachmentView.server";
import { checkFile } from "~/attachments/fileCheck.server";
import { ACCEPTED_LIST, formatSize } from "~/attachments/fileTypes";
import { useUploadWithProgress } from "~/attachments/useUploadWithProgress";
import { readUploadForm, type UploadedFile } from "~/attachments/multipart.server";
import { blobStore } from "~/attachments/storage.server";
import { AttachmentList } from "~/components/AttachmentList";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Field";
import { db } from "~/db.server";
import { fieldErrors, formValues } from "~/forms/fieldErrors";
import { UPLOAD_TOO_LARGE } from "~/http/uploadBody.server";
import { requestInContext } from "~/requests/requestRoute.server";
import { getSettings } from "~/settings.server";
import { attachCheck, removalKind, removeCheck, stateName } from "workflows/view";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Files for ${data.request.reference} – 3-1-1 Number Use Portal` : "Files" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row, snapshot, actor, timeZone } = await requestInContext(request, params.id);
  const state = stateName(snapshot);
  const files = await attachmentsOf(db, row.id);
  const settings = getSettings();
  const used = files.reduce((sum, f) => sum + f.size, 0);
  return {
    request: { id: row.id, reference: row.reference, title: row.title },
    files: files.map((file) => attachmentView(file, timeZone)),
    // The files this person may take off, and whether that deletes or withdraws them.
    removable: files.filter((f) => removeCheck(state, row, actor, { addedById: f.addedById, withdrawn: f.withdrawnAt !== null }) === null).map((f) => f.id),
    removal: removalKind(snapshot.context.firstSubmittedAt),
    mayAttach: attachCheck(state, row, actor),
    limits: { file: formatSize(settings.attachmentMaxFileBytes), request: formatSize(settings.attachmentMaxRequestBytes), left: formatSize(Math.max(0, settings.attachmentMaxRequestBytes - used)) },
  };
}

type Refusal = { errors: Record<string, string>; values: Record<string, string> };

function refuse(status: number, errors: Record<string, string>, values: Record<string, string> = {}) {
  return data<Refusal>({ errors, values }, { status });
}

/** Each file that cannot be taken, and why; the rest cleaned and typed by their content. */
async function checkFiles(files: UploadedFile[], maxFileBytes: number): Promise<{ accepted: NewFile[]; reasons: string[] }> {
  const accepted: NewFile[] = [];
  const reasons: string[] = [];
  for (const file of files) {
    if (file.bytes === null) {
      reasons.push(`${file.name || "The file"} is ${formatSize(file.size)}: a file may be at most ${formatSize(maxFileBytes)}.`);
      continue;
    }
    const verdict = await checkFile(file.name, file.bytes);
    if (verdict.ok) accepted.push({ fileName: verdict.fileName, mediaType: verdict.mediaType, bytes: file.bytes });
    else reasons.push(verdict.reason);
  }
  return { accepted, reasons };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Who may post here is settled before a byte of the body is read.
  const { user, row, now } = await requestInContext(request, params.id);
  const settings = getSettings();
  let fields: Record<string, string>;
  let files: UploadedFile[] = [];
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    try {
      ({ fields, files } = await readUploadForm(request, settings.attachmentMaxFileBytes));
    } catch (error) {
      if (error instanceof Error && error.name === UPLOAD_TOO_LARGE) {
        return refuse(413, { file: `The files sent come to more than a request may hold (${formatSize(settings.attachmentMaxRequestBytes)} in all). Nothing was attached.` });
      }
      return refuse(400, { file: "The upload could not be read. Choose the files and send the form again." });
    }
  } else {
    fields = formValues(await request.formData());
  }
  const values = { description: fields.description ?? "" };
  const parsed = attachmentFormSchema.safeParse(fields);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    if (fields.intent === "attach" && files.length === 0) errors.file = "Choose a file to attach";
    return refuse(400, errors, values);
  }
  const form = parsed.data;
  if (form.intent === "remove") {
    const removed = await removeAttachment(db, blobStore(), { user, requestId: row.id, attachmentId: form.attachmentId, now });
    if (!removed.ok) return refuse(422, { form: removed.reason });
    return redirect(`/requests/${row.id}/attachments?done=removed`, 303);
  }
  if (files.length === 0) return refuse(400, { file: "Choose a file to attach" }, values);
  const { accepted, reasons } = await checkFiles(files, settings.attachmentMaxFileBytes);
  // All or none: a refused file is named, and nothing of the upload is kept but what was typed.
  if (reasons.length > 0) return refuse(422, { file: reasons.join(" ") }, values);
  const added = await addAttachments(db, blobStore(), {
    user,
    requestId: row.id,
    files: accepted,
    description: form.description,
    now,
    maxRequestBytes: settings.attachmentMaxRequestBytes,
  });
  if (!added.ok) return refuse(422, { file: added.reason }, values);
  return redirect(`/requests/${row.id}?done=ATTACH#files`, 303);
}

export default function AttachmentsPage() {
  const { request, files, removable, removal, mayAttach, limits } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const navigation = useNavigation();
  const upload = useUploadWithProgress();
  const errors = upload.errors ?? sent?.errors ?? {};
  const uploading = upload.progress !== null || (navigation.state === "submitting" && navigation.formEncType === "multipart/form-data");
  const summary: Array<[string, string]> = [];
  if (errors.form) summary.push(["files-heading", errors.form]);
  if (errors.file) summary.push(["file", errors.file]);
  if (errors.description) summary.push(["description", errors.description]);
  const removeLabel = removal === "delete" ? "Delete" : "Withdraw";
  return (
    <>
      <p className="margin-bottom-0">
        <Link to={`/requests/${request.id}`}>Back to {request.reference}</Link>
      </p>
      <h1 className="margin-top-1">
        <span className="text-base-dark font-body-md display-block">{request.reference}</span>
        Files
      </h1>
      <ErrorSummary errors={summary} />
      <section aria-labelledby="files-heading" className="margin-y-3">
        <h2 id="files-heading">Attached files</h2>
        <AttachmentList
          requestId={request.id}
          files={files}
          actions={(file) =>
            removable.includes(file.id) ? (
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="attachmentId" value={file.id} />
                <button type="submit" className="usa-button usa-button--unstyled">
                  {removeLabel} {file.fileName}
                </button>
              </Form>
            ) : null
          }
        />
        {removal === "withdraw" && removable.length > 0 ? (
          <p className="usa-hint">The request has been submitted: a withdrawn file stays on the record, marked withdrawn.</p>
        ) : null}
      </section>
      <section aria-labelledby="add-heading" className="margin-y-3">
        <h2 id="add-heading">Attach files</h2>
        {mayAttach ? (
          <p>{mayAttach}</p>
        ) : (
          <Form method="post" encType="multipart/form-data" className="usa-form usa-form--large" noValidate onSubmit={upload.onSubmit}>
            <input type="hidden" name="intent" value="attach" />
            <div className={`usa-form-group${errors.file ? " usa-form-group--error" : ""}`}>
              <label className={`usa-label${errors.file ? " usa-label--error" : ""}`} htmlFor="file">
                Choose files
              </label>
              <div className="usa-hint" id="file-hint">
                {ACCEPTED_LIST}; at most {limits.file} a file and {limits.request} for the whole request ({limits.left} left).
              </div>
              {errors.file ? (
                <span className="usa-error-message" id="file-error" data-testid="file-error">
                  {errors.file}
                </span>
              ) : null}
              <input
                type="file"
                id="file"
                name="file"
                multiple
                accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,application/pdf,image/png,image/jpeg,text/plain"
                aria-describedby={errors.file ? "file-hint file-error" : "file-hint"}
                aria-invalid={errors.file ? true : undefined}
              />
            </div>
            <TextField
              name="description"
              label="What the files are"
              hint="For example: draft of the mailer, call script for the Call Specialists."
              maxLength={DESCRIPTION_MAX}
              defaultValue={sent?.values.description ?? ""}
              error={errors.description}
            />
            <button type="submit" className="usa-button" disabled={uploading}>
              {uploading ? "Uploading…" : "Attach"}
            </button>
            {upload.progress ? (
              <p role="status" data-testid="upload-progress">
                <progress className="margin-right-1" aria-label="Upload progress" max={upload.progress.total} value={upload.progress.loaded} /> Sent{" "}
                {formatSize(upload.progress.loaded)} of {formatSize(upload.progress.total)}
              </p>
            ) : null}
          </Form>
        )}
      </section>
    </>
  );
}
