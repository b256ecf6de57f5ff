// With JavaScript, the upload form goes by XMLHttpRequest, whose upload events tell how much has
// been sent (fetch, which Remix's <Form> uses, has none): a large file shows its progress. The
// answer is the same as without JavaScript — a redirect to the request page, or the files page
// with its errors, which are read out of it — and what was typed and chosen stays in the form.
import { useNavigate } from "@remix-run/react";
import { useState, type FormEvent } from "react";

export interface UploadProgress {
  loaded: number;
  total: number;
}

const FIELDS = ["file", "description"] as const;

/** The errors the server's page shows, by field; a refusal from outside the page (413) in words. */
function errorsIn(html: string, status: number): Record<string, string> {
  const page = new DOMParser().parseFromString(html, "text/html");
  const errors: Record<string, string> = {};
  for (const field of FIELDS) {
    const text = page.getElementById(`${field}-error`)?.textContent?.trim();
    if (text) errors[field] = text;
  }
  const form = page.querySelector('[data-testid="error-summary"] a[href="#files-heading"]')?.textContent?.trim();
  if (form) errors.form = form;
  if (Object.keys(errors).length === 0) {
    errors.file =
      status === 413
        ? "The files sent come to more than a request may hold. Nothing was attached."
        : `The portal could not take the upload (HTTP ${status}). Try again.`;
  }
  return errors;
}

export function useUploadWithProgress() {
  const navigate = useNavigate();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [errors, setErrors] = useState<Record<string, string> | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.onprogress = (e) => setProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : e.loaded });
    xhr.onload = () => {
      setProgress(null);
      const to = new URL(xhr.responseURL);
      if (xhr.status < 400 && to.pathname !== window.location.pathname) {
        navigate(`${to.pathname}${to.search}#files`);
        return;
      }
      setErrors(errorsIn(xhr.responseText, xhr.status));
    };
    xhr.onerror = () => {
      setProgress(null);
      setErrors({ file: "The upload did not reach the portal. Check the connection and try again." });
    };
    setErrors(null);
    setProgress({ loaded: 0, total: 1 });
    xhr.send(new FormData(form));
  }

  return { progress, errors, onSubmit };
}
