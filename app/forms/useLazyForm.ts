// The one place that loads a form's checking code on first use. Until a person focuses, types in
// or submits the form, the page has neither react-hook-form nor the form's zod schema (nor zod,
// where nothing else on the page needs it): the fields are plain fields, the errors shown are the
// server's, and the server checks every post anyway (forms work without JavaScript). On first use
// formEngine and the schema are imported; the fields already on the page register with their
// current values, and a field left before the code arrived is checked as react-hook-form would
// have checked it then. A submit waits for the code, or, if it cannot be fetched, lets the server
// answer.
import { useCallback, useRef, useState, type FormEvent } from "react";
import type * as z from "~/forms/zod";
import type { Engine, EngineOptions } from "./formEngine";

/** The props a field spreads, the same keys react-hook-form's register gives. */
export interface FieldRegistration {
  name: string;
  ref: (element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null) => void;
  onChange: (event: { target: unknown; type?: unknown }) => Promise<void | boolean>;
  onBlur: (event: { target: unknown; type?: unknown }) => Promise<void | boolean>;
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What the form shows: react-hook-form's errors and touched fields, nested by dotted names. */
export interface FormSnapshot {
  errors: Record<string, unknown>;
  touchedFields: Record<string, unknown>;
}

const NOTHING_YET: FormSnapshot = { errors: {}, touchedFields: {} };

export function useLazyForm(options: EngineOptions & { loadSchema: () => Promise<() => z.ZodMiniType> }) {
  const [engine, setEngine] = useState<Engine>();
  const [snapshot, setSnapshot] = useState<FormSnapshot>(NOTHING_YET);
  const latest = useRef(options);
  latest.current = options;
  const fields = useRef(new Map<string, Set<Field>>());
  const leftEarly = useRef(new Set<string>());
  const loading = useRef<Promise<Engine | undefined>>();
  // The engine as soon as it exists: until React renders again, the fields keep the handlers
  // given before it arrived, which hand their events on to it.
  const arrived = useRef<Engine>();

  const ready = useCallback((): Promise<Engine | undefined> => {
    loading.current ??= Promise.all([import("./formEngine"), latest.current.loadSchema()]).then(
      ([{ createEngine }, schemaNow]) => {
        const { mode, shouldFocusError } = latest.current;
        const form = [...fields.current.values()].flatMap((set) => [...set]).find((e) => e.isConnected)?.form;
        const created = createEngine(schemaNow, { mode, shouldFocusError }, form ? valuesOnPage(form) : {});
        // Subscribed before anything is checked, so a submit's errors cannot be missed. Never
        // unsubscribed: the engine lives and goes with this component.
        created.subscribe({
          formState: { errors: true, touchedFields: true },
          callback: (state) => setSnapshot({ errors: { ...state.errors }, touchedFields: { ...state.touchedFields } }),
        });
        for (const [name, elements] of fields.current) {
          for (const element of elements) if (element.isConnected) created.register(name).ref(element);
        }
        for (const name of leftEarly.current) {
          const element = [...(fields.current.get(name) ?? [])].find((e) => e.isConnected);
          if (element) void created.register(name).onBlur({ target: element, type: "blur" });
        }
        arrived.current = created;
        setEngine(created);
        return created;
      },
      () => {
        // Offline, or a new release replaced the files: try again on the next use; meanwhile the
        // server checks what is posted.
        loading.current = undefined;
        return undefined;
      },
    );
    return loading.current;
  }, []);

  function register(name: string): FieldRegistration {
    if (engine) return engine.register(name) as FieldRegistration;
    return {
      name,
      ref: (element) => {
        if (!element) return;
        const known = fields.current.get(name) ?? new Set<Field>();
        fields.current.set(name, known.add(element));
        arrived.current?.register(name).ref(element);
      },
      onChange: (event) => arrived.current?.register(name).onChange(event) ?? Promise.resolve(),
      onBlur: (event) => {
        if (arrived.current) return arrived.current.register(name).onBlur(event);
        leftEarly.current.add(name);
        return Promise.resolve();
      },
    };
  }

  /** Before the code arrives, a value set by the page goes straight into the field. */
  function setValue(name: string, value: string) {
    if (engine) return engine.setValue(name, value);
    for (const element of fields.current.get(name) ?? []) element.value = value;
  }

  /** For the <Form>: the first focus or keystroke fetches the code. */
  const formProps = {
    onFocus: () => void ready(),
    onInput: () => void ready(),
  };

  return { register, setValue, ready, snapshot, formProps, loaded: engine !== undefined };
}

/** What the form would post now (files aside), a name given more than once as a list. */
function valuesOnPage(form: HTMLFormElement): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string") continue;
    const before = values[name];
    values[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return values;
}

/** The submitter of a submit event: the button pressed, or the form itself (Enter in a field). */
export function submitterOf(event: FormEvent<HTMLFormElement>): HTMLButtonElement | HTMLFormElement {
  const submitter = (event.nativeEvent as SubmitEvent).submitter;
  return submitter instanceof HTMLButtonElement ? submitter : event.currentTarget;
}

/** A value in react-hook-form's nested state by a dotted field name ("setupFees.materials"). */
export function pathGet(object: Record<string, unknown>, path: string): unknown {
  let value: unknown = object;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
