"use client";

import { useRouter } from "next/navigation";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { pathErrors } from "@/lib/campaigns/request-errors";
import { type CampaignCreate, campaignCreateSchema } from "@/lib/campaigns/schema";
import { ApiError, api } from "@/lib/client/api";
import { describedBy, Field, inputClass } from "../ui/field";

// A new campaign: its name, the film's title and (optionally) the release date. react-hook-form with the API's own
// schema as the resolver, so the form says exactly what POST /api/campaigns would; the server's field messages land
// on the same fields.

interface Values {
  name: string;
  title: string;
  releaseDate: string;
}

const FIELDS = ["name", "title", "releaseDate"] as const;

const resolver: Resolver<Values, unknown, CampaignCreate> = async (values) => {
  const result = campaignCreateSchema.safeParse({
    name: values.name,
    title: values.title,
    ...(values.releaseDate ? { releaseDate: values.releaseDate } : {}),
  });
  if (result.success) return { values: result.data, errors: {} };
  const messages = pathErrors(result.error.issues);
  const errors: FieldErrors<Values> = {};
  for (const field of FIELDS) {
    const message = messages[field];
    if (message) errors[field] = { type: "validate", message };
  }
  return { values: {}, errors };
};

export function NewCampaignForm() {
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<Values, unknown, CampaignCreate>({
    defaultValues: { name: "", title: "", releaseDate: "" },
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const errors = formState.errors;
  const message = (field: (typeof FIELDS)[number]) => errors[field]?.message;

  const create = handleSubmit(async (values) => {
    try {
      const campaign = await api.createCampaign(values);
      router.push(`/campaigns/${campaign.id}`);
    } catch (error) {
      const fields = error instanceof ApiError ? (error.fields ?? {}) : {};
      const known = FIELDS.filter((f) => fields[f]);
      for (const field of known) setError(field, { type: "server", message: fields[field] }, { shouldFocus: true });
      if (known.length === 0) {
        setError("root", {
          type: "server",
          message: error instanceof ApiError ? error.message : "Couldn't create the campaign: try again.",
        });
      }
    }
  });

  const field = (id: (typeof FIELDS)[number], label: string, input: { placeholder?: string; type?: string }) => (
    <Field id={`campaign-${id}`} label={label} error={message(id)}>
      <input
        id={`campaign-${id}`}
        type={input.type ?? "text"}
        placeholder={input.placeholder}
        aria-invalid={message(id) ? true : undefined}
        aria-describedby={describedBy(`campaign-${id}`, undefined, message(id))}
        className={inputClass}
        {...register(id)}
      />
    </Field>
  );

  return (
    <form
      onSubmit={create}
      noValidate
      aria-label="New campaign"
      className="mb-8 grid grid-cols-[minmax(0,1fr)] items-start gap-3 rounded-lg border border-edge bg-panel p-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_12rem_auto]"
    >
      {field("name", "Campaign name", { placeholder: "Midnight Harbor — worldwide release" })}
      {field("title", "Film title", { placeholder: "Midnight Harbor" })}
      {field("releaseDate", "Release date (optional)", { type: "date" })}
      <button
        type="submit"
        disabled={formState.isSubmitting}
        className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-ink disabled:opacity-60 sm:mt-6"
      >
        {formState.isSubmitting ? "Creating…" : "Create campaign"}
      </button>
      {errors.root?.message && (
        <p role="alert" className="text-sm text-danger sm:col-span-4">
          {errors.root.message}
        </p>
      )}
    </form>
  );
}
