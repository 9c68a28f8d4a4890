"use client";

import { type FormEvent, useCallback, useMemo, useState } from "react";
import { type FieldErrors as FormErrors, type Resolver, type UseFormRegister, useForm } from "react-hook-form";
import type { PosterFormValues } from "@/lib/models/generation";
import { validatePosterForm } from "./form-validation";

// The studio form on react-hook-form: uncontrolled inputs registered by name, values watched for the price and the
// summary, the API's own schema (zod) as the resolver, focus on the first wrong field. The resolver loads the schema
// when it is first needed (form-validation.ts), so zod and the catalogue stay out of the first load. Text typed before
// the page hydrated is kept: it becomes the form's starting value instead of being overwritten by the default.

export type FormValues = Record<string, unknown> & { model: string };
export type FieldErrors = Record<string, string | undefined>;
export type Register = UseFormRegister<FormValues>;
export type Registration = ReturnType<Register>;

const resolver: Resolver<FormValues, unknown, PosterFormValues> = async (values) => {
  const result = await validatePosterForm(values);
  if (result.ok) return { values: result.values, errors: {} };
  const errors: FormErrors<FormValues> = {};
  for (const [name, message] of Object.entries(result.errors)) errors[name] = { type: "validate", message };
  return { values: {}, errors };
};

/** What the person typed into a text field before the page hydrated (the server-rendered HTML), if anything. */
function typedBeforeHydration(name: string): string | undefined {
  if (typeof document === "undefined") return undefined;
  const field = document.querySelector(`form textarea[name="${name}"], form input[type="text"][name="${name}"]`);
  const value = field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : "";
  return value || undefined;
}

export function usePosterForm(defaults: FormValues) {
  const [start] = useState(() => {
    const typed = Object.fromEntries(
      ["prompt", "negativePrompt"].flatMap((name) => {
        const value = typedBeforeHydration(name);
        return value ? [[name, value]] : [];
      }),
    );
    return { ...defaults, ...typed };
  });
  const form = useForm<FormValues, unknown, PosterFormValues>({
    defaultValues: start,
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { register, setError: setFormError, reset, setFocus, setValue: setFormValue, formState } = form;
  const values = form.watch();
  const errors: FieldErrors = Object.fromEntries(
    Object.entries(formState.errors).map(([name, error]) => [
      name,
      typeof error?.message === "string" ? error.message : undefined,
    ]),
  );

  const setValue = useCallback(
    (name: string, value: unknown, options?: { shouldValidate?: boolean }) =>
      setFormValue(name, value, { shouldValidate: options?.shouldValidate, shouldDirty: true }),
    [setFormValue],
  );
  const setError = useCallback(
    (name: string, message: string, options?: { shouldFocus?: boolean }) =>
      setFormError(name, { type: "server", message }, { shouldFocus: options?.shouldFocus ?? false }),
    [setFormError],
  );

  /** Checks every field with the schema: valid values go to `onValid`; otherwise the messages show, `onInvalid`
   * hears which fields are wrong, and the first of them takes focus (once more after a render, since a wrong setting
   * may sit in a drawer `onInvalid` has just opened). */
  const handleSubmit = useCallback(
    (onValid: (values: PosterFormValues) => void, onInvalid?: (errors: FieldErrors) => void) => (event?: FormEvent) =>
      form.handleSubmit(onValid, (wrong) => {
        const names = Object.keys(wrong);
        onInvalid?.(Object.fromEntries(names.map((n) => [n, String(wrong[n]?.message ?? "")])));
        const first = names[0];
        if (first) setTimeout(() => setFocus(first), 0);
      })(event),
    [form, setFocus],
  );

  return useMemo(
    () => ({ values, errors, register, setValue, setError, reset, setFocus, handleSubmit }),
    [values, errors, register, setValue, setError, reset, setFocus, handleSubmit],
  );
}

export type PosterForm = ReturnType<typeof usePosterForm>;
