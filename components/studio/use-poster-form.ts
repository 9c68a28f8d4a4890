"use client";

import { type ChangeEvent, type FormEvent, useCallback, useMemo, useRef, useState } from "react";
import type { PosterFormValues } from "@/lib/models/generation";
import { validatePosterForm } from "./form-validation";

// The studio form's state: the few things it used react-hook-form for (uncontrolled inputs registered by name,
// values watched for the price and summary, the schema's messages per field, focus on the first wrong one), in a
// fraction of its weight (it was 12 KiB, compressed, of the studio's first load). Inputs stay uncontrolled: the values
// live here and are written to the DOM when set from code (reset, Use these settings, a rolled seed); typing is
// read back from change events. After a first submit, every change re-checks its own field, as before.

export type FormValues = Record<string, unknown> & { model: string };
export type FieldErrors = Record<string, string | undefined>;

type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface RegisterOptions {
  /** Range inputs: the number (NaN when empty, as the schema expects to refuse). */
  valueAsNumber?: boolean;
  setValueAs?: (value: string) => unknown;
}

export interface Registration {
  name: string;
  ref: (element: FieldElement | null) => (() => void) | undefined;
  onChange: (event: ChangeEvent<FieldElement>) => void;
}

export type Register = (name: string, options?: RegisterOptions) => Registration;

const isChoice = (el: FieldElement): el is HTMLInputElement =>
  el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox");

const isText = (el: FieldElement) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && (el.type === "text" || el.type === ""));

function writeToElement(el: FieldElement, value: unknown) {
  if (isChoice(el)) el.checked = value !== undefined && String(value) === el.value;
  else el.value = value === undefined || value === null || Number.isNaN(value) ? "" : String(value);
}

export function usePosterForm(defaults: FormValues) {
  const [values, setValues] = useState<FormValues>(defaults);
  const [errors, setErrors] = useState<FieldErrors>({});
  // The latest values without waiting for a render: change events and validations read them.
  const current = useRef(values);
  const submitted = useRef(false);
  // Elements by field name (a radio group has several), in the order they first registered: focus goes to the
  // first wrong field in the form's own order.
  const elements = useRef(new Map<string, Set<FieldElement>>());
  const options = useRef(new Map<string, RegisterOptions>());
  const registrations = useRef(new Map<string, Registration>());

  const commit = useCallback((next: FormValues) => {
    current.current = next;
    setValues(next);
  }, []);

  const elementsOf = useCallback((name: string) => {
    const known = elements.current.get(name);
    if (known) return known;
    const set = new Set<FieldElement>();
    elements.current.set(name, set);
    return set;
  }, []);

  const focus = useCallback((name: string) => {
    const usable = [...(elements.current.get(name) ?? [])].filter((el) => el.isConnected && !el.disabled);
    // A radio group: its checked radio, as the arrow keys expect; otherwise its first.
    (usable.find((el) => !isChoice(el) || el.checked) ?? usable[0])?.focus();
  }, []);

  const checkField = useCallback(async (name: string) => {
    const result = await validatePosterForm(current.current);
    const message = result.ok ? undefined : result.errors[name];
    setErrors((all) => (all[name] === message ? all : { ...all, [name]: message }));
  }, []);

  const readFrom = useCallback((name: string, el: FieldElement): unknown => {
    const opts = options.current.get(name);
    if (opts?.valueAsNumber) return el.value === "" ? Number.NaN : Number(el.value);
    if (opts?.setValueAs) return opts.setValueAs(el.value);
    return el.value;
  }, []);

  const register: Register = useCallback(
    (name, opts) => {
      options.current.set(name, opts ?? {});
      const known = registrations.current.get(name);
      if (known) return known;
      // One registration per name for the form's life: a stable ref, so React attaches each element once.
      const registration: Registration = {
        name,
        ref: (el) => {
          if (!el) return undefined;
          elementsOf(name).add(el);
          const value = current.current[name];
          // Text typed before the page hydrated is the person's, not a default to overwrite.
          if (isText(el) && el.value !== "" && (value === "" || value === undefined)) {
            commit({ ...current.current, [name]: readFrom(name, el) });
          } else writeToElement(el, value);
          return () => {
            elements.current.get(name)?.delete(el);
          };
        },
        onChange: (event) => {
          const el = event.target;
          if (isChoice(el) && el.type === "radio" && !el.checked) return;
          commit({ ...current.current, [name]: readFrom(name, el) });
          if (submitted.current) void checkField(name);
        },
      };
      registrations.current.set(name, registration);
      return registration;
    },
    [commit, elementsOf, readFrom, checkField],
  );

  const setValue = useCallback(
    (name: string, value: unknown, opts?: { shouldValidate?: boolean }) => {
      commit({ ...current.current, [name]: value });
      for (const el of elements.current.get(name) ?? []) writeToElement(el, value);
      if (opts?.shouldValidate) void checkField(name);
    },
    [commit, checkField],
  );

  const setError = useCallback(
    (name: string, message: string, opts?: { shouldFocus?: boolean }) => {
      setErrors((all) => ({ ...all, [name]: message }));
      if (opts?.shouldFocus) focus(name);
    },
    [focus],
  );

  const reset = useCallback(
    (next: FormValues) => {
      commit(next);
      for (const [name, set] of elements.current) for (const el of set) writeToElement(el, next[name]);
      submitted.current = false;
      setErrors({});
    },
    [commit],
  );

  const focusFirstError = useCallback(
    (wrong: FieldErrors) => {
      const first = [...elements.current.keys()].find((name) => wrong[name]);
      if (first) focus(first);
    },
    [focus],
  );

  /** Checks every field with the schema: valid values go to `onValid`; otherwise the messages show, `onInvalid`
   * hears which fields are wrong, and the first of them takes focus (once more after a render, since a wrong
   * setting may sit in a drawer `onInvalid` has just opened). */
  const handleSubmit = useCallback(
    (onValid: (values: PosterFormValues) => void, onInvalid?: (errors: FieldErrors) => void) =>
      async (event?: FormEvent) => {
        event?.preventDefault();
        submitted.current = true;
        const result = await validatePosterForm(current.current);
        if (result.ok) {
          setErrors({});
          onValid(result.values);
          return;
        }
        setErrors(result.errors);
        onInvalid?.(result.errors);
        focusFirstError(result.errors);
        setTimeout(() => focusFirstError(result.errors), 0);
      },
    [focusFirstError],
  );

  return useMemo(
    () => ({ values, errors, register, setValue, setError, reset, setFocus: focus, handleSubmit }),
    [values, errors, register, setValue, setError, reset, focus, handleSubmit],
  );
}

export type PosterForm = ReturnType<typeof usePosterForm>;
